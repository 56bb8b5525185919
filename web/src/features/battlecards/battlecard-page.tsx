import SearchOffRounded from '@mui/icons-material/SearchOffRounded';
import StyleOutlined from '@mui/icons-material/StyleOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { QueryError } from '../../components/query-error';
import { useBattlecard, type Battlecard } from './api';
import { filterSections, searchTerms } from './claim-filter';
import { CardChips } from './components/card-chips';
import {
  CardContextLine,
  HeaderAction,
  StickyCardHeader,
  editIcon,
  historyIcon,
} from './components/card-header';
import { CardSearchField } from './components/card-search-field';
import { CardSections } from './components/card-sections';
import { CardSkeleton } from './components/card-skeleton';
import { ExportMenu } from './components/export-menu';
import { NoticeProvider } from './components/notice';
import { PrintStyles } from './components/print-styles';
import { SectionJumpMenu } from './components/section-jump-menu';
import { useClaimAnchor } from './use-claim-anchor';

function CardBody({ card }: { card: Battlecard }) {
  const [query, setQuery] = useState('');
  const editor = card.permissions.canEdit;
  const terms = useMemo(() => searchTerms(query), [query]);
  const filtered = useMemo(() => filterSections(card.sections, query), [card.sections, query]);
  const total = useMemo(
    () => card.sections.reduce((n, s) => n + s.claims.length, 0),
    [card.sections],
  );
  const { claimId, highlighted } = useClaimAnchor(terms.length === 0);

  // Following a link to a claim shows the whole card, or the claim might be filtered away.
  useEffect(() => {
    if (claimId) setQuery('');
  }, [claimId]);

  const visibleSections = filtered.sections.filter((s) => s.claims.length > 0);

  return (
    <>
      <StickyCardHeader
        context={<CardContextLine card={card} />}
        title={card.title}
        chips={<CardChips card={card} />}
        tools={
          <>
            <CardSearchField value={query} onChange={setQuery} />
            <SectionJumpMenu sections={visibleSections} />
            {terms.length > 0 && (
              <Typography
                variant="body2"
                color="text.secondary"
                role="status"
                sx={{ whiteSpace: 'nowrap', display: { xs: 'none', sm: 'block' } }}
              >
                {filtered.matchCount} of {total} claims
              </Typography>
            )}
          </>
        }
        actions={
          <>
            <ExportMenu cardId={card.id} />
            <HeaderAction
              to={`/battlecards/${card.id}/versions`}
              label="Version history"
              icon={historyIcon}
            />
            {editor && (
              <HeaderAction
                to={`/battlecards/${card.id}/edit`}
                label="Edit"
                icon={editIcon}
                primary
              />
            )}
          </>
        }
      />
      {terms.length > 0 && (
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ mb: 1.5, display: { sm: 'none' } }}
          aria-hidden
        >
          {filtered.matchCount} of {total} claims match
        </Typography>
      )}
      {card.status === 'archived' && (
        <Alert severity="info" sx={{ mb: 2 }}>
          This card is archived: kept for reference, but it may be out of date.
        </Alert>
      )}
      {total === 0 ? (
        <EmptyState
          icon={<StyleOutlined />}
          title="This battlecard has no claims yet"
          action={
            editor ? (
              <Button
                variant="contained"
                component={RouterLink}
                to={`/battlecards/${card.id}/edit`}
              >
                Add the first claim
              </Button>
            ) : undefined
          }
        >
          {editor
            ? 'Add claims from the evidence you have collected on this competitor.'
            : 'Product marketing has not filled it in yet. Check back soon.'}
        </EmptyState>
      ) : filtered.matchCount === 0 ? (
        <EmptyState
          icon={<SearchOffRounded />}
          title={`Nothing on this card matches “${query.trim()}”`}
          action={
            <Button
              onClick={() => {
                setQuery('');
              }}
            >
              Clear search
            </Button>
          }
        >
          Try fewer or different words.
        </EmptyState>
      ) : (
        <CardSections
          sections={filtered.sections}
          terms={terms}
          competitorId={card.competitorId}
          showEmpty={editor}
          highlightedClaimId={highlighted}
        />
      )}
    </>
  );
}

/** `/battlecards/:id` — the card as a seller reads it mid-call. */
export function BattlecardPage() {
  const { id = '' } = useParams();
  const card = useBattlecard(id);
  return (
    <NoticeProvider>
      <PrintStyles />
      {card.isPending && <CardSkeleton />}
      {card.isError && (
        <>
          <title>Battlecard · Ringside</title>
          <QueryError what="this battlecard" query={card} />
          <Button component={RouterLink} to="/battlecards" sx={{ mt: 2 }}>
            All battlecards
          </Button>
        </>
      )}
      {card.data && <CardBody card={card.data} />}
    </NoticeProvider>
  );
}
