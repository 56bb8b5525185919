import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useLocation } from 'react-router';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <Paper
      variant="outlined"
      component="section"
      data-testid="not-found"
      sx={{ p: { xs: 3, sm: 5 }, textAlign: 'center', maxWidth: 640, mx: 'auto', mt: { sm: 4 } }}
    >
      <title>Page not found · Ringside</title>
      <Typography variant="overline" color="text.secondary">
        Error 404
      </Typography>
      <Typography variant="h1" sx={{ mt: 0.5, mb: 1.5 }}>
        Page not found
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3, wordBreak: 'break-word' }}>
        There is no page at <code>{pathname}</code>. Check the address, or go back to Home.
      </Typography>
      <Button component={RouterLink} to="/" variant="contained">
        Go to Home
      </Button>
    </Paper>
  );
}
