import SearchRounded from '@mui/icons-material/SearchRounded';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import IconButton from '@mui/material/IconButton';
import { useEffect, useState } from 'react';
import { useBelowBreakpoint } from '../../lib/use-below-breakpoint';
import { SearchDialog } from './search-dialog';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The search box in the top bar, and Ctrl+K / ⌘K from anywhere. */
export function SearchLauncher() {
  const isPhone = useBelowBreakpoint('sm');
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen((current) => !current);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  const show = () => {
    setOpen(true);
  };

  return (
    <>
      {isPhone ? (
        <IconButton
          color="inherit"
          aria-label="Search"
          aria-keyshortcuts="Control+K Meta+K"
          onClick={show}
        >
          <SearchRounded />
        </IconButton>
      ) : (
        <ButtonBase
          onClick={show}
          aria-label="Search"
          aria-keyshortcuts="Control+K Meta+K"
          sx={{
            gap: 1,
            px: 1.5,
            height: 36,
            width: { sm: 200, md: 280 },
            justifyContent: 'flex-start',
            borderRadius: 1,
            color: 'rgba(255, 255, 255, 0.85)',
            bgcolor: 'rgba(255, 255, 255, 0.12)',
            '&:hover': { bgcolor: 'rgba(255, 255, 255, 0.2)' },
            '&.Mui-focusVisible': { outline: '2px solid #fff' },
          }}
        >
          <SearchRounded fontSize="small" />
          <Box component="span" sx={{ flex: 1, textAlign: 'left', fontSize: '0.875rem' }}>
            Search…
          </Box>
          <Box
            component="kbd"
            sx={{
              fontFamily: 'inherit',
              fontSize: '0.7rem',
              px: 0.75,
              py: 0.125,
              borderRadius: 0.75,
              border: '1px solid rgba(255, 255, 255, 0.35)',
            }}
          >
            {isMac ? '⌘K' : 'Ctrl K'}
          </Box>
        </ButtonBase>
      )}
      <SearchDialog
        open={open}
        onClose={() => {
          setOpen(false);
        }}
      />
    </>
  );
}
