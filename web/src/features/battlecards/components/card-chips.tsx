import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import type { Battlecard, BattlecardSummary } from '../../../../../common/battlecards';
import { freshnessChip, statusChips, type ChipLabel } from '../card-labels';

function LabelChip({ chip, testId }: { chip: ChipLabel; testId?: string }) {
  return (
    <Tooltip title={chip.hint} enterTouchDelay={0}>
      <Chip
        size="small"
        label={chip.label}
        color={chip.color}
        variant={chip.color === 'default' ? 'outlined' : 'filled'}
        data-testid={testId}
        tabIndex={0}
        sx={{ height: 22, fontSize: '0.72rem' }}
      />
    </Tooltip>
  );
}

/** Version, draft and freshness state of a card, as chips with explanations. */
export function CardChips({
  card,
  showFreshness = true,
}: {
  card: Pick<
    Battlecard | BattlecardSummary,
    'status' | 'version' | 'publishedAt' | 'hasUnpublishedChanges' | 'freshness'
  >;
  showFreshness?: boolean;
}) {
  return (
    <Stack
      direction="row"
      spacing={0.75}
      useFlexGap
      sx={{ flexWrap: 'wrap', alignItems: 'center' }}
    >
      {statusChips(card).map((chip) => (
        <LabelChip key={chip.label} chip={chip} testId="card-status-chip" />
      ))}
      {showFreshness && <LabelChip chip={freshnessChip(card.freshness)} testId="freshness-chip" />}
    </Stack>
  );
}
