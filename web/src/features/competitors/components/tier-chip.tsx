import Chip from '@mui/material/Chip';
import type { CompetitorTier } from '../api';
import { tierDescription, tierLabel } from '../format';

const tierColor: Record<CompetitorTier, 'primary' | 'default' | 'secondary'> = {
  primary: 'primary',
  secondary: 'default',
  emerging: 'secondary',
};

/** How much a competitor matters to us, as a small chip. */
export function TierChip({ tier }: { tier: CompetitorTier }) {
  return (
    <Chip
      size="small"
      variant={tier === 'primary' ? 'filled' : 'outlined'}
      color={tierColor[tier]}
      label={tierLabel[tier]}
      title={tierDescription[tier]}
    />
  );
}
