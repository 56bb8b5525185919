import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardHeader from '@mui/material/CardHeader';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { FilterSelect } from '../../components/filter-select';
import { ListSkeleton } from '../../components/list-skeleton';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useBelowBreakpoint } from '../../lib/use-below-breakpoint';
import { useAuth, useMe } from '../auth/auth-context';
import { useCompetitors } from '../competitors/api';
import { useDeals, useWinRates, type DealOutcome } from './api';
import { PagedDealList } from './components/paged-deal-list';
import { RecordDealButton } from './components/record-deal-button';
import { RecordDealDialog } from './components/record-deal-dialog';
import { WinRateTable } from './components/win-rate-table';
import { DEAL_OUTCOMES, outcomeLabel, rankWinRates } from './format';

/** Win/loss across competitors: the win rate of each, and every recorded deal. */
export function DealsPage() {
  const me = useMe();
  const { can } = useAuth();
  const canEdit = can('content.edit');
  const narrow = useBelowBreakpoint('md');
  const [outcome, setOutcome] = useState<DealOutcome | undefined>();
  const [recording, setRecording] = useState(false);
  const winRates = useWinRates();
  const deals = useDeals({ outcome });
  const ranked = rankWinRates(winRates.data ?? []);
  const noDeals = winRates.data !== undefined && ranked.length === 0;
  // Recording needs a competitor to record against.
  const firstCompetitor = useCompetitors({ sort: 'name' }, 1);
  const hasCompetitors = (firstCompetitor.data?.pages[0]?.items.length ?? 0) > 0;

  const recordButton =
    canEdit && hasCompetitors ? (
      <RecordDealButton
        onClick={() => {
          setRecording(true);
        }}
      />
    ) : undefined;

  return (
    <>
      <PageHeader
        title="Deals"
        subtitle={`Won and lost deals of ${me.workspace.name}, by competitor, and what decided them.`}
        action={noDeals ? undefined : recordButton}
      />
      {winRates.isError && <QueryError what="the win rates" query={winRates} />}
      {winRates.isPending && (
        <Card>
          <ListSkeleton rows={2} rowHeight={48} />
        </Card>
      )}
      {noDeals && (
        <Card>
          <EmptyState
            icon={<HandshakeOutlined />}
            title="No deals recorded yet"
            action={
              recordButton ??
              (canEdit && firstCompetitor.data ? (
                <Button component={RouterLink} to="/competitors" variant="contained">
                  Add a competitor first
                </Button>
              ) : undefined)
            }
          >
            {canEdit
              ? 'Record the deals you win and lose against each competitor, with the reasons and the objections that came up. Win rates and patterns show up here.'
              : 'When editors record won and lost deals, win rates per competitor show up here.'}
          </EmptyState>
        </Card>
      )}
      {ranked.length > 0 && (
        <Stack spacing={3}>
          <Card component="section" aria-labelledby="win-rates-title">
            <CardHeader
              title="Win rate by competitor"
              subheader="Won ÷ (won + lost), over all recorded deals."
              slotProps={{
                title: { id: 'win-rates-title', variant: 'h4', component: 'h2' },
                subheader: { variant: 'body2' },
              }}
            />
            <Divider />
            <WinRateTable rows={ranked} narrow={narrow} />
          </Card>

          <Card component="section" aria-labelledby="recent-deals-title">
            <CardHeader
              title="Deals"
              action={
                <FilterSelect
                  label="Outcome"
                  allLabel="All outcomes"
                  options={DEAL_OUTCOMES}
                  optionLabel={outcomeLabel}
                  value={outcome}
                  onChange={setOutcome}
                  sx={{ width: 160 }}
                />
              }
              slotProps={{ title: { id: 'recent-deals-title', variant: 'h4', component: 'h2' } }}
              sx={{ '& .MuiCardHeader-action': { m: 0, alignSelf: 'center' } }}
            />
            <Divider />
            {deals.isPending && <ListSkeleton rows={2} rowHeight={48} />}
            {deals.isError && !deals.data && <QueryError what="the deals" query={deals} inset />}
            {deals.data?.items.length === 0 && (
              <EmptyState icon={<HandshakeOutlined />} title="No deals with this outcome" />
            )}
            <PagedDealList list={deals} showCompetitor />
          </Card>
        </Stack>
      )}
      {canEdit && (
        <RecordDealDialog
          open={recording}
          onClose={() => {
            setRecording(false);
          }}
        />
      )}
    </>
  );
}
