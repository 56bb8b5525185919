import { alpha, createTheme } from '@mui/material/styles';

const indigo = {
  50: '#eef0fb',
  100: '#d5daf5',
  200: '#aab4ea',
  500: '#3949ab',
  700: '#283593',
  800: '#1f2a78',
  900: '#161d57',
};

const fontStack = [
  'Inter',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  '"Liberation Sans"',
  'Arial',
  'sans-serif',
].join(',');

/** Width of the permanent navigation drawer on tablets and desktops. */
export const drawerWidth = 232;

export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: indigo[700], light: indigo[500], dark: indigo[900], contrastText: '#fff' },
    secondary: { main: '#00897b', contrastText: '#fff' },
    success: { main: '#2e7d32' },
    warning: { main: '#b26a00' },
    error: { main: '#c62828' },
    background: { default: '#f5f6fa', paper: '#ffffff' },
    text: { primary: '#1b1f2e', secondary: '#555b6e' },
    divider: '#e3e5ee',
  },
  shape: { borderRadius: 10 },
  typography: {
    fontFamily: fontStack,
    h1: { fontSize: '2rem', fontWeight: 700, letterSpacing: '-0.02em' },
    h2: { fontSize: '1.6rem', fontWeight: 700, letterSpacing: '-0.015em' },
    h3: { fontSize: '1.3rem', fontWeight: 650 },
    h4: { fontSize: '1.125rem', fontWeight: 650 },
    h5: { fontSize: '1rem', fontWeight: 650 },
    h6: { fontSize: '1rem', fontWeight: 650 },
    subtitle2: { fontWeight: 600 },
    body1: { lineHeight: 1.6 },
    button: { textTransform: 'none', fontWeight: 600 },
    overline: { fontWeight: 700, letterSpacing: '0.08em' },
  },
  components: {
    MuiCssBaseline: {
      styleOverrides: {
        body: { WebkitFontSmoothing: 'antialiased' },
        code: {
          fontFamily: '"JetBrains Mono", "Liberation Mono", Menlo, Consolas, monospace',
          fontSize: '0.9em',
          padding: '0.1em 0.35em',
          borderRadius: 4,
          backgroundColor: alpha(indigo[700], 0.08),
        },
      },
    },
    MuiAppBar: {
      defaultProps: { elevation: 0 },
    },
    MuiButton: {
      defaultProps: { disableElevation: true },
    },
    MuiCard: {
      defaultProps: { variant: 'outlined' },
    },
    MuiPaper: {
      styleOverrides: { outlined: { borderColor: '#e3e5ee' } },
    },
    MuiChip: {
      styleOverrides: { root: { fontWeight: 600 } },
    },
    MuiListItemButton: {
      styleOverrides: {
        root: ({ theme }) => ({
          borderRadius: theme.shape.borderRadius,
          margin: theme.spacing(0.25, 1),
          '&.Mui-selected': {
            backgroundColor: alpha(indigo[700], 0.1),
            color: indigo[800],
            '& .MuiListItemIcon-root': { color: indigo[700] },
          },
          '&.Mui-selected:hover': { backgroundColor: alpha(indigo[700], 0.14) },
        }),
      },
    },
    MuiListItemIcon: {
      styleOverrides: { root: { minWidth: 40 } },
    },
    MuiTextField: {
      defaultProps: { fullWidth: true },
    },
    MuiTableCell: {
      styleOverrides: {
        head: ({ theme }) => ({
          color: theme.palette.text.secondary,
          fontWeight: 600,
          fontSize: '0.8125rem',
          paddingTop: theme.spacing(1.25),
          paddingBottom: theme.spacing(1.25),
          backgroundColor: '#fafbfd',
        }),
      },
    },
  },
});
