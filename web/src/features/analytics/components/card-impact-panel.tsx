import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { CardImpact } from '../api';
import { percent } from '../format';

function Group({ label, group }: { label: string; group: CardImpact['viewed'] }) {
  return (
    <Box sx={{ flex: '1 1 160px' }}>
      <Typography variant="caption" color="text.secondary" sx={{ fontWeight: 600 }}>
        {label}
      </Typography>
      <Typography sx={{ fontSize: '1.75rem', fontWeight: 700, lineHeight: 1.3 }}>
        {percent(group.winRate)}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {group.won} won · {group.lost} lost
      </Typography>
    </Box>
  );
}

/** Win rate with a card view before close vs without, and the rule that splits them. */
export function CardImpactPanel({ impact }: { impact: CardImpact | undefined }) {
  if (!impact) return <Skeleton variant="rounded" height={96} />;
  if (impact.viewed.deals + impact.notViewed.deals === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No deals were won or lost in this period. Record deals (Deals → Record a deal) to see
        whether reading a card goes with winning.
      </Typography>
    );
  }
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-end' }}>
      <Group
        label={`Card viewed in the ${impact.windowDays} days before close`}
        group={impact.viewed}
      />
      <Group label="No card viewed" group={impact.notViewed} />
      {impact.liftPoints !== null && (
        <Typography
          variant="body2"
          sx={{
            flex: '1 1 160px',
            fontWeight: 600,
            color: impact.liftPoints >= 0 ? 'success.main' : 'error.main',
          }}
        >
          {impact.liftPoints >= 0 ? '+' : ''}
          {impact.liftPoints} points with a card
        </Typography>
      )}
    </Box>
  );
}
