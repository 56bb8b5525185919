import AutoAwesomeOutlined from '@mui/icons-material/AutoAwesomeOutlined';
import HubOutlined from '@mui/icons-material/HubOutlined';
import MemoryOutlined from '@mui/icons-material/MemoryOutlined';
import RefreshRounded from '@mui/icons-material/RefreshRounded';
import StorageOutlined from '@mui/icons-material/StorageOutlined';
import UpgradeOutlined from '@mui/icons-material/UpgradeOutlined';
import WorkHistoryOutlined from '@mui/icons-material/WorkHistoryOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { ApiError } from '../../../lib/api-error';
import { useHealthReport, type CheckStatus, type HealthReport } from '../api';
import {
  describeAi,
  describeCache,
  describeKind,
  describeMigrations,
  describeQueue,
  formatUptime,
  healthColor,
  healthLabel,
} from '../format';

interface CheckRow {
  id: keyof HealthReport['checks'];
  label: string;
  icon: ReactNode;
  detail: string;
  status: CheckStatus;
  error: string | undefined;
}

function toRows(report: HealthReport): CheckRow[] {
  const { database, migrations, cache, pubsub, queue, ai } = report.checks;
  const latency = (ms: number | undefined) => (ms === undefined ? '' : ` · ${Math.round(ms)} ms`);
  return [
    {
      id: 'database',
      label: 'Database',
      icon: <StorageOutlined />,
      detail: describeKind(database.kind) + latency(database.latencyMs),
      status: database.status,
      error: database.error,
    },
    {
      id: 'migrations',
      label: 'Schema migrations',
      icon: <UpgradeOutlined />,
      detail: describeMigrations(migrations),
      status: migrations.status,
      error: undefined,
    },
    {
      id: 'cache',
      label: 'Cache',
      icon: <MemoryOutlined />,
      detail: describeCache(cache),
      status: cache.status,
      error: cache.error,
    },
    {
      id: 'pubsub',
      label: 'Live updates',
      icon: <HubOutlined />,
      detail: describeKind(pubsub.kind),
      status: pubsub.status,
      error: pubsub.error,
    },
    {
      id: 'queue',
      label: 'Job queue',
      icon: <WorkHistoryOutlined />,
      detail: describeQueue(queue.depth),
      status: queue.status,
      error: queue.error,
    },
    {
      id: 'ai',
      label: 'AI engine',
      icon: <AutoAwesomeOutlined />,
      detail: describeAi(ai),
      status: ai.status,
      error: undefined,
    },
  ];
}

function CheckStatusChip({ status }: { status: CheckStatus }) {
  return (
    <Chip
      size="small"
      variant="outlined"
      color={status === 'up' ? 'success' : 'error'}
      label={status === 'up' ? 'Up' : 'Down'}
      sx={{ minWidth: 56 }}
    />
  );
}

function CheckList({ report }: { report: HealthReport }) {
  return (
    <Box component="ul" aria-label="Checks" sx={{ m: 0, p: 0, listStyle: 'none' }}>
      {toRows(report).map((row) => (
        <Stack
          key={row.id}
          component="li"
          direction="row"
          spacing={1.5}
          data-testid={`check-${row.id}`}
          data-status={row.status}
          sx={{
            py: 1,
            alignItems: 'center',
            '& + &': { borderTop: 1, borderColor: 'divider' },
          }}
        >
          <Box sx={{ color: 'text.secondary', display: 'flex' }} aria-hidden>
            {row.icon}
          </Box>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography variant="subtitle2">{row.label}</Typography>
            <Typography variant="body2" color="text.secondary" noWrap title={row.detail}>
              {row.detail}
            </Typography>
            {row.error && (
              <Typography variant="body2" color="error" sx={{ wordBreak: 'break-word' }}>
                {row.error}
              </Typography>
            )}
          </Box>
          <CheckStatusChip status={row.status} />
        </Stack>
      ))}
    </Box>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography
        variant="overline"
        color="text.secondary"
        component="div"
        sx={{ lineHeight: 1.6 }}
      >
        {label}
      </Typography>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {value}
      </Typography>
    </Box>
  );
}

function LoadingState() {
  return (
    <Stack spacing={1.5} aria-busy="true" aria-label="Checking the server">
      <Skeleton variant="rounded" height={40} />
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} variant="rounded" height={36} />
      ))}
    </Stack>
  );
}

function ErrorState({
  error,
  onRetry,
  retrying,
}: {
  error: Error;
  onRetry: () => void;
  retrying: boolean;
}) {
  const unreachable = !(error instanceof ApiError) || error.isUnreachable;
  return (
    <Alert
      severity="error"
      action={
        <Button color="inherit" size="small" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </Button>
      }
    >
      {unreachable ? (
        <>
          <AlertTitle>The server did not answer.</AlertTitle>
          Is <code>npm start</code> running? Start it, then retry.
        </>
      ) : (
        <>
          <AlertTitle>The server reported an error.</AlertTitle>
          {error.message}
          {error instanceof ApiError && error.requestId && (
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              Request id <code>{error.requestId}</code> — quote it when you look in the server log.
            </Typography>
          )}
        </>
      )}
    </Alert>
  );
}

export function SystemStatusCard() {
  const { data, error, isPending, isFetching, refetch } = useHealthReport();
  // Keep showing the last good report during a background refetch; show the
  // error only when there is nothing better to show.
  const showError = error && !data;

  return (
    <Card data-testid="system-status" component="section" aria-labelledby="system-status-title">
      <CardHeader
        title="System status"
        slotProps={{
          title: { id: 'system-status-title', variant: 'h4', component: 'h2' },
          subheader: { variant: 'body2' },
        }}
        subheader="What this Ringside server reports about itself"
        action={
          data ? (
            <Chip
              data-testid="system-status-overall"
              color={healthColor[data.status]}
              label={healthLabel[data.status]}
              sx={{ mt: 0.5, mr: 0.5 }}
            />
          ) : undefined
        }
      />
      <CardContent sx={{ pt: 0 }}>
        {isPending && <LoadingState />}
        {showError && (
          <ErrorState error={error} onRetry={() => void refetch()} retrying={isFetching} />
        )}
        {data && (
          <Stack spacing={2}>
            {error && (
              <Alert severity="warning" variant="outlined">
                Lost contact with the server; showing the last report.
              </Alert>
            )}
            <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', rowGap: 1 }}>
              <Fact label="Version" value={data.version} />
              <Fact label="Mode" value={data.mode === 'embedded' ? 'Embedded' : 'Scale'} />
              <Fact label="Up for" value={formatUptime(data.uptimeSeconds)} />
            </Stack>
            <CheckList report={data} />
            <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
              <Button
                size="small"
                startIcon={<RefreshRounded />}
                onClick={() => void refetch()}
                disabled={isFetching}
              >
                {isFetching ? 'Checking…' : 'Check again'}
              </Button>
            </Box>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
