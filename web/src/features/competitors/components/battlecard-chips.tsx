import Chip from '@mui/material/Chip';
import type { BattlecardSummary } from '../api';
import { countOf } from '../format';

type Status = BattlecardSummary['status'];
type Freshness = BattlecardSummary['freshness'];

const statusChip: Record<
  Status,
  { label: string; color: 'success' | 'default' | 'info' | 'error' | 'warning' }
> = {
  published: { label: 'Published', color: 'success' },
  draft: { label: 'Draft', color: 'default' },
  generating: { label: 'Generating…', color: 'info' },
  archived: { label: 'Archived', color: 'default' },
  failed: { label: 'Generation failed', color: 'error' },
};

export function BattlecardStatusChip({ status }: { status: Status }) {
  const chip = statusChip[status];
  return (
    <Chip
      size="small"
      variant={status === 'published' ? 'filled' : 'outlined'}
      color={chip.color}
      label={chip.label}
    />
  );
}

/** Fresh, aging (evidence over 90 days old) or stale (claims whose evidence changed). */
export function FreshnessChip({ freshness }: { freshness: Freshness }) {
  if (freshness.status === 'fresh') {
    return <Chip size="small" variant="outlined" color="success" label="Fresh" />;
  }
  if (freshness.status === 'aging') {
    return (
      <Chip
        size="small"
        variant="outlined"
        color="warning"
        label="Aging"
        title="The newest evidence it cites is over 90 days old"
      />
    );
  }
  return (
    <Chip
      size="small"
      color="warning"
      label={`Stale: ${countOf(freshness.staleClaims, 'claim')}`}
      title="Some claims cite evidence that changed or was deleted"
    />
  );
}
