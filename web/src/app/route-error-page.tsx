import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Shown when rendering a page throws; keeps the user one click from recovery. */
export function RouteErrorPage() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <Box sx={{ p: 3, maxWidth: 640, mx: 'auto' }}>
      <title>Something went wrong · Ringside</title>
      <Alert
        severity="error"
        action={
          <Button
            color="inherit"
            size="small"
            onClick={() => {
              window.location.assign('/');
            }}
          >
            Reload Home
          </Button>
        }
      >
        <AlertTitle>This page failed to load.</AlertTitle>
        {detail}
      </Alert>
    </Box>
  );
}
