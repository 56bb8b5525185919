import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { ApiError } from '../lib/api';

/** A list or page that failed to load: what happened and a way to try again. */
export function QueryError({
  what,
  error,
  onRetry,
  retrying,
}: {
  /** What failed to load, e.g. "the member list". */
  what: string;
  error: Error;
  onRetry: () => void;
  retrying: boolean;
}) {
  const unreachable = !(error instanceof ApiError) || error.isUnreachable;
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <Alert
      severity={forbidden ? 'warning' : 'error'}
      action={
        forbidden ? undefined : (
          <Button color="inherit" size="small" onClick={onRetry} disabled={retrying}>
            {retrying ? 'Retrying…' : 'Retry'}
          </Button>
        )
      }
    >
      <AlertTitle>Couldn&apos;t load {what}.</AlertTitle>
      {unreachable
        ? 'The server did not answer. Check that it is running and your connection works, then retry.'
        : forbidden
          ? `${error.message} Ask an admin of this workspace if you need access.`
          : error.message}
      {error instanceof ApiError && error.status >= 500 && error.requestId && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          Request id <code>{error.requestId}</code> — quote it when you look in the server log.
        </Typography>
      )}
    </Alert>
  );
}
