import Chip from '@mui/material/Chip';
import type { DealOutcome } from '../api';
import { outcomeColor, outcomeLabel } from '../format';

export function OutcomeChip({ outcome }: { outcome: DealOutcome }) {
  return (
    <Chip
      size="small"
      color={outcomeColor[outcome]}
      variant={outcome === 'no_decision' ? 'outlined' : 'filled'}
      label={outcomeLabel[outcome]}
      sx={{ minWidth: 96 }}
    />
  );
}
