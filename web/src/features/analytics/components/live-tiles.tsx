import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ADMIN_METRICS_EVENT, type AdminMetricsData } from '../../../../../common/realtime';
import { useRealtimeEvent, useRealtimeStatus } from '../../../lib/realtime-hooks';

const TILES: {
  label: string;
  hint: string;
  value: (d: AdminMetricsData) => string;
}[] = [
  {
    label: 'Active people',
    hint: 'Connected now or active in the last 5 min',
    value: (d) => d.activeUsers.toLocaleString(),
  },
  {
    label: 'AI requests / min',
    hint: 'Generations and analyses started',
    value: (d) => d.aiRequestsPerMinute.toLocaleString(),
  },
  {
    label: 'API response time',
    hint: 'Mean over the last minute',
    value: (d) => (d.avgResponseMs === null ? '–' : `${Math.round(d.avgResponseMs)} ms`),
  },
  {
    label: 'API requests / min',
    hint: 'This workspace, every server',
    value: (d) => d.requestsPerMinute.toLocaleString(),
  },
];

/**
 * Live figures for admins and owners, pushed over /ws every few seconds (`admin.metrics`; the
 * server sends them to no one else). Shows a placeholder until the first push arrives.
 */
export function LiveTiles() {
  const [data, setData] = useState<AdminMetricsData | undefined>();
  const status = useRealtimeStatus();
  useRealtimeEvent(ADMIN_METRICS_EVENT, (message) => {
    setData(message.data as unknown as AdminMetricsData);
  });
  const live = status === 'open' && data !== undefined;
  return (
    <Paper variant="outlined" sx={{ p: { xs: 1.5, md: 2 } }} data-testid="live-metrics">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
          Right now
        </Typography>
        <Chip
          size="small"
          color={live ? 'success' : 'default'}
          variant={live ? 'filled' : 'outlined'}
          label={live ? 'Live' : status === 'open' ? 'Waiting for figures…' : 'Offline'}
        />
        {data && (
          <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto !important' }}>
            {data.connectedUsers} connected · {data.processes}{' '}
            {data.processes === 1 ? 'server' : 'servers'}
          </Typography>
        )}
      </Stack>
      <Box
        sx={{
          display: 'grid',
          gap: 1.5,
          gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', md: 'repeat(4, minmax(0, 1fr))' },
        }}
      >
        {TILES.map((tile) => (
          <Box key={tile.label}>
            <Typography
              variant="caption"
              color="text.secondary"
              component="p"
              sx={{ fontWeight: 600 }}
            >
              {tile.label}
            </Typography>
            <Typography
              component="p"
              data-testid={`live-${tile.label}`}
              sx={{ fontSize: '1.5rem', fontWeight: 700, lineHeight: 1.3 }}
            >
              {data ? tile.value(data) : '–'}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {tile.hint}
            </Typography>
          </Box>
        ))}
      </Box>
    </Paper>
  );
}
