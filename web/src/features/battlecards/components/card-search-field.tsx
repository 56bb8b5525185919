import CloseRounded from '@mui/icons-material/CloseRounded';
import SearchRounded from '@mui/icons-material/SearchRounded';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useEffect, useRef } from 'react';

function typingInAField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Filters the card as you type; "/" jumps here, Esc clears. */
export function CardSearchField({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typingInAField(event.target) || document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  return (
    <TextField
      type="search"
      size="small"
      value={value}
      inputRef={inputRef}
      placeholder="Search this card"
      onChange={(e) => {
        onChange(e.target.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && value) {
          e.stopPropagation();
          onChange('');
        }
      }}
      sx={{ flex: { xs: 1, sm: '0 1 340px' }, bgcolor: 'background.paper', borderRadius: 1 }}
      slotProps={{
        htmlInput: {
          'aria-label': 'Search this card',
          autoComplete: 'off',
          sx: { '&::-webkit-search-cancel-button': { display: 'none' } },
        },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchRounded fontSize="small" />
            </InputAdornment>
          ),
          endAdornment: !value ? (
            <InputAdornment position="end" sx={{ display: { xs: 'none', sm: 'flex' } }}>
              <Box
                component="kbd"
                title="Press / to search this card"
                sx={{
                  fontFamily: 'inherit',
                  fontSize: '0.72rem',
                  color: 'text.secondary',
                  border: 1,
                  borderColor: 'divider',
                  borderRadius: 0.75,
                  px: 0.75,
                }}
              >
                /
              </Box>
            </InputAdornment>
          ) : (
            <InputAdornment position="end">
              <IconButton
                size="small"
                edge="end"
                aria-label="Clear search"
                onClick={() => {
                  onChange('');
                  inputRef.current?.focus();
                }}
              >
                <CloseRounded fontSize="small" />
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
