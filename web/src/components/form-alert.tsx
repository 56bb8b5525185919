import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';

/** The form-level error of a submit, if any; announced to screen readers when it appears. */
export function FormAlert({
  message,
  requestId,
  testId = 'form-error',
}: {
  message: string | undefined;
  requestId?: string | undefined;
  testId?: string;
}) {
  if (!message) return null;
  return (
    <Alert severity="error" role="alert" data-testid={testId}>
      {message}
      {requestId && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          Request id <code>{requestId}</code> — quote it when you look in the server log.
        </Typography>
      )}
    </Alert>
  );
}
