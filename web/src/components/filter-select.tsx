import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';

const ALL = 'all';

/** A small drop-down that narrows a list to one value, or shows all (`undefined`). */
export function FilterSelect<T extends string>({
  label,
  allLabel,
  options,
  optionLabel,
  value,
  onChange,
  sx,
}: {
  label: string;
  /** The first option, e.g. "All tiers". */
  allLabel: string;
  options: readonly T[];
  optionLabel: Record<T, string>;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  sx?: SxProps<Theme>;
}) {
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value ?? ALL}
      onChange={(e) => {
        const next = e.target.value;
        onChange(next === ALL ? undefined : (next as T));
      }}
      sx={sx}
    >
      <MenuItem value={ALL}>{allLabel}</MenuItem>
      {options.map((option) => (
        <MenuItem key={option} value={option}>
          {optionLabel[option]}
        </MenuItem>
      ))}
    </TextField>
  );
}
