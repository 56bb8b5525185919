import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatPercent } from '../../competitors/format';
import { winRateOf } from '../format';

/** A stacked bar of won / lost / no decision; decorative, the numbers are written beside it. */
export function OutcomeBar({
  won,
  lost,
  noDecision,
  height = 8,
}: {
  won: number;
  lost: number;
  noDecision: number;
  height?: number;
}) {
  const total = won + lost + noDecision;
  if (total === 0) return null;
  const part = (n: number, color: string) =>
    n > 0 ? <Box sx={{ width: `${(n / total) * 100}%`, bgcolor: color }} /> : null;
  return (
    <Box
      aria-hidden
      sx={{ display: 'flex', height, borderRadius: height, overflow: 'hidden', bgcolor: 'divider' }}
    >
      {part(won, 'success.main')}
      {part(lost, 'error.main')}
      {part(noDecision, 'grey.400')}
    </Box>
  );
}

/** "63% win rate" with the won, lost and undecided counts behind it. */
export function WinRateSummary({
  won,
  lost,
  noDecision,
}: {
  won: number;
  lost: number;
  noDecision: number;
}) {
  const rate = winRateOf(won, lost);
  return (
    <Box data-testid="win-rate">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
        <Typography variant="h2" component="p">
          {rate === null ? '—' : formatPercent(rate)}
        </Typography>
        <Typography color="text.secondary">win rate</Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {rate === null
          ? 'No won or lost deals recorded yet.'
          : `Won ${won} of ${won + lost} decided deals.`}
      </Typography>
      <OutcomeBar won={won} lost={lost} noDecision={noDecision} />
      <Stack direction="row" sx={{ mt: 1, gap: 2, flexWrap: 'wrap' }}>
        <Legend color="success.main" label="Won" value={won} />
        <Legend color="error.main" label="Lost" value={lost} />
        <Legend color="grey.400" label="No decision" value={noDecision} />
      </Stack>
    </Box>
  );
}

function Legend({ color, label, value }: { color: string; label: string; value: number }) {
  return (
    <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
      <Box aria-hidden sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: color }} />
      <Typography variant="body2">
        {label} <strong>{value}</strong>
      </Typography>
    </Stack>
  );
}
