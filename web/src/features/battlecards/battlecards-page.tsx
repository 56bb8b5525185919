import FilterAltOffOutlined from '@mui/icons-material/FilterAltOffOutlined';
import StyleOutlined from '@mui/icons-material/StyleOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { BATTLECARD_STATUSES, type BattlecardStatus } from '../../../../common/battlecard-sections';
import { EmptyState } from '../../components/empty-state';
import { ListSkeleton } from '../../components/list-skeleton';
import { LoadMoreButton } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { GenerateDialog } from '../ai/generate-dialog';
import { useAuth } from '../auth/auth-context';
import AutoAwesomeRounded from '@mui/icons-material/AutoAwesomeRounded';
import { QueryError } from '../../components/query-error';
import { RowList, RowListItem } from '../../components/row-list';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useBelowBreakpoint } from '../../lib/use-below-breakpoint';
import { useBattlecardList, type BattlecardFilters, type BattlecardSummary } from './api';
import { BattlecardFilterBar, STATUS_LABELS } from './components/battlecard-filters';
import { CardChips } from './components/card-chips';

function filtersFrom(params: URLSearchParams): BattlecardFilters {
  const status = params.get('status');
  return {
    q: params.get('q') ?? undefined,
    competitorId: params.get('competitorId') ?? undefined,
    status: (BATTLECARD_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as BattlecardStatus)
      : undefined,
  };
}

function toParams(filters: BattlecardFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.q) out.q = filters.q;
  if (filters.status) out.status = filters.status;
  if (filters.competitorId) out.competitorId = filters.competitorId;
  return out;
}

function Updated({ card }: { card: BattlecardSummary }) {
  return <span title={formatDateTime(card.updatedAt)}>{formatRelative(card.updatedAt)}</span>;
}

function CardLink({ card }: { card: BattlecardSummary }) {
  return (
    <Link
      component={RouterLink}
      to={`/battlecards/${card.id}`}
      underline="hover"
      sx={{ fontWeight: 650, wordBreak: 'break-word' }}
    >
      {card.title}
    </Link>
  );
}

function CardTable({ cards }: { cards: BattlecardSummary[] }) {
  return (
    <Table aria-label="Battlecards">
      <TableHead>
        <TableRow>
          <TableCell>Battlecard</TableCell>
          <TableCell>Competitor</TableCell>
          <TableCell>State</TableCell>
          <TableCell align="right">Claims</TableCell>
          <TableCell>Updated</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {cards.map((card) => (
          <TableRow key={card.id} hover sx={{ '&:last-child td': { borderBottom: 0 } }}>
            <TableCell>
              <CardLink card={card} />
              <Typography variant="body2" color="text.secondary">
                {card.segment}
              </Typography>
            </TableCell>
            <TableCell>{card.competitor.name}</TableCell>
            <TableCell>
              <CardChips card={card} />
            </TableCell>
            <TableCell align="right">{card.claimCount}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              <Updated card={card} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function CardList({ cards }: { cards: BattlecardSummary[] }) {
  return (
    <RowList label="Battlecards">
      {cards.map((card) => (
        <RowListItem key={card.id}>
          <CardLink card={card} />
          <Typography variant="body2" color="text.secondary" sx={{ mb: 0.75 }}>
            {card.competitor.name} · {card.segment} · {card.claimCount} claims ·{' '}
            <Updated card={card} />
          </Typography>
          <CardChips card={card} />
        </RowListItem>
      ))}
    </RowList>
  );
}

/** `/battlecards` — every card in the workspace, filtered. */
export function BattlecardsPage() {
  const isPhone = useBelowBreakpoint('md');
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [resetKey, setResetKey] = useState(0);
  const [generating, setGenerating] = useState(false);
  const { can } = useAuth();
  const list = useBattlecardList(filters);
  const cards = list.data?.items ?? [];
  const filtered = Boolean(filters.q || filters.status || filters.competitorId);
  const competitorName = cards.find((c) => c.competitorId === filters.competitorId)?.competitor
    .name;

  const clear = () => {
    setParams({}, { replace: true });
    setResetKey((k) => k + 1);
  };

  return (
    <>
      <PageHeader
        title="Battlecards"
        subtitle="How to win against each competitor, ready for the next call."
        action={
          can('content.edit') ? (
            <Button
              variant="contained"
              startIcon={<AutoAwesomeRounded />}
              onClick={() => {
                setGenerating(true);
              }}
            >
              Generate
            </Button>
          ) : undefined
        }
      />
      <GenerateDialog
        open={generating}
        onClose={() => {
          setGenerating(false);
        }}
      />
      <BattlecardFilterBar
        key={resetKey}
        filters={filters}
        competitorName={competitorName}
        onChange={(next) => {
          setParams(toParams(next), { replace: true });
        }}
      />
      <Card>
        {list.isPending && <ListSkeleton rows={3} rowHeight={52} />}
        {list.isError && <QueryError what="the battlecards" query={list} inset />}
        {list.data &&
          (cards.length === 0 ? (
            filtered ? (
              <EmptyState
                icon={<FilterAltOffOutlined />}
                title="No battlecards match these filters"
                action={<Button onClick={clear}>Clear filters</Button>}
              >
                {filters.status
                  ? `No ${STATUS_LABELS[filters.status].toLowerCase()} cards fit the rest of the filters.`
                  : 'Try other words or another competitor.'}
              </EmptyState>
            ) : (
              <EmptyState
                icon={<StyleOutlined />}
                title="No battlecards yet"
                action={
                  <Button variant="contained" component={RouterLink} to="/competitors">
                    Go to competitors
                  </Button>
                }
              >
                A battlecard belongs to a competitor. Open a competitor, collect some evidence, and
                create its first card there.
              </EmptyState>
            )
          ) : (
            <Box sx={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}>
              {isPhone ? <CardList cards={cards} /> : <CardTable cards={cards} />}
            </Box>
          ))}
      </Card>
      {list.hasNextPage && (
        <Box sx={{ textAlign: 'center', mt: 2 }}>
          <LoadMoreButton list={list} />
        </Box>
      )}
    </>
  );
}
