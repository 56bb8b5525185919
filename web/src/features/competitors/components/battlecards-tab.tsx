import AddRounded from '@mui/icons-material/AddRounded';
import AutoAwesomeRounded from '@mui/icons-material/AutoAwesomeRounded';
import StyleOutlined from '@mui/icons-material/StyleOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ListSkeleton } from '../../../components/list-skeleton';
import { QueryError } from '../../../components/query-error';
import { RowList, RowListItem } from '../../../components/row-list';
import { RowTitleLink } from '../../../components/row-title-link';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { useCompetitorBattlecards, type BattlecardSummary } from '../api';
import { useCompetitorContext } from '../competitor-context';
import { countOf, sortCards } from '../format';
import { BattlecardStatusChip, FreshnessChip } from './battlecard-chips';
import { GenerateDialog } from '../../ai/generate-dialog';
import { NewBattlecardDialog } from './new-battlecard-dialog';
import { OpenCardButton, battlecardPath } from './open-card-button';

function CardRow({ card, canEdit }: { card: BattlecardSummary; canEdit: boolean }) {
  return (
    <RowListItem
      data-testid="battlecard-item"
      sx={{
        display: 'flex',
        gap: 2,
        flexWrap: 'wrap',
        alignItems: 'center',
        ...(card.status === 'archived' && { opacity: 0.7 }),
      }}
    >
      <Box sx={{ flex: '1 1 280px', minWidth: 0 }}>
        <RowTitleLink to={battlecardPath(card.id)}>{card.title}</RowTitleLink>
        <Typography variant="body2" color="text.secondary">
          {card.segment} · {countOf(card.claimCount, 'claim')}
          {card.owner ? ` · owned by ${card.owner.name}` : ''} ·{' '}
          <span title={formatDateTime(card.updatedAt)}>
            updated {formatRelative(card.updatedAt)}
          </span>
        </Typography>
        <Stack direction="row" sx={{ mt: 0.75, gap: 0.75, flexWrap: 'wrap' }}>
          <BattlecardStatusChip status={card.status} />
          {card.version > 0 && (
            <Chip
              size="small"
              variant="outlined"
              label={`v${card.version}`}
              title="Published version"
            />
          )}
          {card.hasUnpublishedChanges && card.version > 0 && (
            <Chip size="small" variant="outlined" color="info" label="Unpublished changes" />
          )}
          {/* Freshness says something only about claims, and archived cards are out of use. */}
          {card.status !== 'archived' && card.claimCount > 0 && (
            <FreshnessChip freshness={card.freshness} />
          )}
          {card.visibility === 'private' && (
            <Chip size="small" variant="outlined" label="Private" />
          )}
        </Stack>
      </Box>
      <Stack direction="row" spacing={1}>
        <OpenCardButton card={card} variant="outlined" />
        {canEdit && (
          <Button
            size="small"
            component={RouterLink}
            to={`${battlecardPath(card.id)}/edit`}
            aria-label={`Edit ${card.title}`}
          >
            Edit
          </Button>
        )}
      </Stack>
    </RowListItem>
  );
}

/** The competitor's battlecards, one per segment, and "New battlecard" for editors. */
export function BattlecardsTab() {
  const { competitor, canEdit } = useCompetitorContext();
  const query = useCompetitorBattlecards(competitor.id);
  const [creating, setCreating] = useState(false);
  const [generating, setGenerating] = useState(false);
  const cards = sortCards(query.data?.items ?? []);

  const newButton = canEdit ? (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', justifyContent: 'center' }}>
      <Button
        variant="contained"
        startIcon={<AutoAwesomeRounded />}
        disabled={competitor.counts.evidence === 0}
        title={competitor.counts.evidence === 0 ? 'Add evidence first' : undefined}
        onClick={() => {
          setGenerating(true);
        }}
      >
        Generate
      </Button>
      <Button
        variant="outlined"
        startIcon={<AddRounded />}
        onClick={() => {
          setCreating(true);
        }}
      >
        Blank card
      </Button>
    </Stack>
  ) : undefined;

  return (
    <>
      <Card component="section" aria-labelledby="cards-title">
        <CardHeader
          title="Battlecards"
          subheader="One card per segment; sellers see the published version."
          action={cards.length > 0 ? newButton : undefined}
          slotProps={{
            title: { id: 'cards-title', variant: 'h4', component: 'h2' },
            subheader: { variant: 'body2' },
          }}
          sx={{
            flexWrap: 'wrap',
            gap: 1.5,
            '& .MuiCardHeader-action': { m: 0, alignSelf: 'center' },
          }}
        />
        <Divider />
        {query.isPending && <ListSkeleton rows={2} rowHeight={72} />}
        {query.isError && <QueryError what="the battlecards" query={query} inset />}
        {query.data && cards.length === 0 && (
          <EmptyState icon={<StyleOutlined />} title="No battlecards yet" action={newButton}>
            {canEdit
              ? competitor.counts.evidence > 0
                ? `Write the card sellers open mid-call: strengths, weaknesses, objections and how we win against ${competitor.name}, each claim citing your evidence.`
                : `A battlecard's claims cite evidence, so add a few notes about ${competitor.name} first — then create the card.`
              : `No battlecard about ${competitor.name} has been written yet. Ask your product marketing team.`}
          </EmptyState>
        )}
        {cards.length > 0 && (
          <RowList label="Battlecards">
            {cards.map((card) => (
              <CardRow key={card.id} card={card} canEdit={canEdit} />
            ))}
          </RowList>
        )}
      </Card>
      {canEdit && (
        <GenerateDialog
          open={generating}
          onClose={() => {
            setGenerating(false);
          }}
          competitor={competitor}
        />
      )}
      {canEdit && (
        <NewBattlecardDialog
          open={creating}
          onClose={() => {
            setCreating(false);
          }}
          competitor={competitor}
        />
      )}
    </>
  );
}
