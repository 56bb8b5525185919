import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Divider from '@mui/material/Divider';
import { useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { ListSkeleton } from '../../../components/list-skeleton';
import { QueryError } from '../../../components/query-error';
import { useDeals } from '../../deals/api';
import { CompetitorWinRate } from '../../deals/components/competitor-win-rate';
import { PagedDealList } from '../../deals/components/paged-deal-list';
import { RecordDealButton } from '../../deals/components/record-deal-button';
import { RecordDealDialog } from '../../deals/components/record-deal-dialog';
import { useCompetitorContext } from '../competitor-context';
import { TabColumns } from './tab-columns';

/** Won and lost deals against this competitor, and recording a new one. */
export function DealsTab() {
  const { competitor, canEdit } = useCompetitorContext();
  const deals = useDeals({ competitorId: competitor.id });
  const [recording, setRecording] = useState(false);
  const items = deals.data?.items ?? [];

  const recordButton = canEdit ? (
    <RecordDealButton
      onClick={() => {
        setRecording(true);
      }}
    />
  ) : undefined;

  return (
    <TabColumns>
      <Card component="section" aria-labelledby="deals-title" sx={{ order: { xs: 2, md: 1 } }}>
        <CardHeader
          title="Deals"
          action={items.length > 0 ? recordButton : undefined}
          slotProps={{ title: { id: 'deals-title', variant: 'h4', component: 'h2' } }}
          sx={{ '& .MuiCardHeader-action': { alignSelf: 'center', m: 0 } }}
        />
        <Divider />
        {deals.isPending && <ListSkeleton rows={2} rowHeight={64} />}
        {deals.isError && !deals.data && <QueryError what="the deals" query={deals} inset />}
        {deals.data && items.length === 0 && (
          <EmptyState
            icon={<HandshakeOutlined />}
            title="No deals recorded yet"
            action={recordButton}
          >
            {canEdit
              ? `Record the deals you won and lost against ${competitor.name}: the win rate, the reasons and the objections that came up show what to fix on the battlecard.`
              : `When editors record deals won and lost against ${competitor.name}, they appear here with the reasons and objections.`}
          </EmptyState>
        )}
        <PagedDealList list={deals} showCompetitor={false} />
      </Card>
      <Card component="section" aria-labelledby="win-rate-title" sx={{ order: { xs: 1, md: 2 } }}>
        <CardHeader
          title="How we do against them"
          slotProps={{ title: { id: 'win-rate-title', variant: 'h4', component: 'h2' } }}
        />
        <CardContent sx={{ pt: 0 }}>
          <CompetitorWinRate competitorId={competitor.id} />
        </CardContent>
      </Card>
      {canEdit && (
        <RecordDealDialog
          open={recording}
          onClose={() => {
            setRecording(false);
          }}
          competitor={competitor}
        />
      )}
    </TabColumns>
  );
}
