import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { ApiError } from '../lib/api-error';

/** What a failed query needs to show: its error and a way to try again. */
export interface RetryableQuery {
  error: Error | null;
  isFetching: boolean;
  refetch: () => unknown;
}

/** A list or page that failed to load: what happened and a way to try again. */
export function QueryError({
  what,
  query,
  inset = false,
}: {
  /** What failed to load, e.g. "the member list". */
  what: string;
  query: RetryableQuery;
  /** Inside a card, edge to edge with its rows: keeps the card's padding around the alert. */
  inset?: boolean;
}) {
  const { error } = query;
  if (!error) return null;
  const unreachable = !(error instanceof ApiError) || error.isUnreachable;
  const forbidden = error instanceof ApiError && error.status === 403;
  const alert = (
    <Alert
      severity={forbidden ? 'warning' : 'error'}
      action={
        forbidden ? undefined : (
          <Button
            color="inherit"
            size="small"
            onClick={() => void query.refetch()}
            disabled={query.isFetching}
          >
            {query.isFetching ? 'Retrying…' : 'Retry'}
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
  return inset ? <Box sx={{ p: 2 }}>{alert}</Box> : alert;
}
