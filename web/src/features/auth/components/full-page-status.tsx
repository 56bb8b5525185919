import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useAuth } from '../auth-context';

/** While the session is being restored, or when the server cannot be reached to restore it. */
export function FullPageStatus() {
  const { state, retry } = useAuth();
  return (
    <Box
      sx={{
        minHeight: '60vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        p: 3,
      }}
    >
      {state.status === 'unreachable' ? (
        <Alert
          severity="error"
          sx={{ maxWidth: 520 }}
          action={
            <Button color="inherit" size="small" onClick={retry}>
              Retry
            </Button>
          }
        >
          <AlertTitle>Can&apos;t reach the Ringside server</AlertTitle>
          Your session could not be restored because the server did not answer. Check that it is
          running, then retry.
        </Alert>
      ) : (
        <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
          <CircularProgress size={22} />
          <Typography color="text.secondary">Loading Ringside…</Typography>
        </Box>
      )}
    </Box>
  );
}
