import GlobalStyles from '@mui/material/GlobalStyles';

/** Printing a card: only the card, no app chrome. */
export function PrintStyles() {
  return (
    <GlobalStyles
      styles={{
        '@media print': {
          '[data-testid="app-bar"], #main-navigation, .MuiSnackbar-root': {
            display: 'none !important',
          },
          'main .MuiToolbar-root:first-of-type': { display: 'none' },
          body: { backgroundColor: '#fff' },
        },
      }}
    />
  );
}
