import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useState, type ReactNode } from 'react';
import { mergeChips } from './chip-values';

/**
 * A list of short values (tags, reasons) typed as chips: Enter or a comma adds one, pasting a
 * comma- or line-separated list adds them all, and leaving the field keeps what was typed.
 */
export function ChipInput({
  label,
  value,
  onChange,
  suggestions = [],
  placeholder,
  helperText,
  error,
  max,
  maxLength,
  name,
}: {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  /** Offered while typing, e.g. tags used elsewhere. */
  suggestions?: readonly string[];
  placeholder?: string;
  helperText?: ReactNode;
  error?: boolean;
  max?: number;
  /** Longest single entry. */
  maxLength?: number;
  name?: string;
}) {
  const [input, setInput] = useState('');
  const full = max !== undefined && value.length >= max;

  return (
    <Autocomplete
      multiple
      freeSolo
      autoSelect
      filterSelectedOptions
      options={suggestions.filter((s) => !value.some((v) => v.toLowerCase() === s.toLowerCase()))}
      value={value}
      inputValue={input}
      onInputChange={(_event, text, reason) => {
        // Typing a comma (or pasting a list) turns what came before it into chips.
        if (reason === 'input' && /[,\n]/.test(text)) {
          const parts = text.split(/[,\n]/);
          const rest = parts.pop() ?? '';
          onChange(mergeChips(value, parts.join(','), max));
          setInput(rest);
          return;
        }
        setInput(text);
      }}
      onChange={(_event, next) => {
        onChange(mergeChips([], next.join('\n'), max));
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          name={name}
          placeholder={full ? undefined : placeholder}
          helperText={helperText}
          error={error}
          slotProps={{
            ...params.slotProps,
            htmlInput: {
              ...params.slotProps.htmlInput,
              maxLength,
              // Nothing more fits: say so instead of silently dropping what is typed.
              readOnly: full,
            },
          }}
        />
      )}
    />
  );
}
