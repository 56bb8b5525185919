import SearchRounded from '@mui/icons-material/SearchRounded';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';

/** A small search box with a magnifier, for filtering a list as people type. */
export function SearchField({
  label,
  showLabel = false,
  placeholder,
  value,
  onChange,
  sx,
}: {
  /** Its accessible name; shown as the field's label only with `showLabel`. */
  label: string;
  showLabel?: boolean;
  placeholder?: string;
  value: string;
  onChange: (text: string) => void;
  sx?: SxProps<Theme>;
}) {
  return (
    <TextField
      size="small"
      type="search"
      label={showLabel ? label : undefined}
      placeholder={placeholder}
      value={value}
      onChange={(e) => {
        onChange(e.target.value);
      }}
      slotProps={{
        htmlInput: showLabel ? undefined : { 'aria-label': label },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchRounded fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
      sx={sx}
    />
  );
}
