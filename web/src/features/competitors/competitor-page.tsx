import ArrowBackRounded from '@mui/icons-material/ArrowBackRounded';
import SearchOffRounded from '@mui/icons-material/SearchOffRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { Outlet, Link as RouterLink, useLocation, useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { QueryError } from '../../components/query-error';
import { ApiError } from '../../lib/api-error';
import { useAuth } from '../auth/auth-context';
import { useCompetitor, type Competitor } from './api';
import { CompetitorHeader } from './components/competitor-header';
import type { CompetitorContext } from './competitor-context';
import { TABS, tabOf, type TabKey } from './competitor-tabs';

function tabLabel(tab: TabKey, competitor: Competitor): string {
  switch (tab) {
    case 'overview':
      return 'Overview';
    case 'evidence':
      return `Evidence (${competitor.counts.evidence.toLocaleString()})`;
    case 'documents':
      return 'Documents';
    case 'battlecards':
      return `Battlecards (${competitor.counts.battlecards.toLocaleString()})`;
    case 'deals':
      return `Deals (${competitor.counts.deals.toLocaleString()})`;
    case 'monitoring':
      return 'Monitoring';
  }
}

function HeaderSkeleton() {
  return (
    <Stack spacing={2} aria-busy="true" aria-label="Loading">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Skeleton variant="rounded" width={56} height={56} />
        <Box sx={{ flex: 1 }}>
          <Skeleton variant="text" width="40%" height={44} />
          <Skeleton variant="text" width="25%" />
        </Box>
      </Stack>
      <Skeleton variant="rounded" height={48} />
      <Skeleton variant="rounded" height={240} />
    </Stack>
  );
}

/** One competitor: a header, then tabs (overview, evidence, battlecards, deals) as nested routes. */
export function CompetitorPage() {
  const { competitorId = '' } = useParams();
  const { pathname } = useLocation();
  const { can } = useAuth();
  const query = useCompetitor(competitorId);

  if (query.isPending) return <HeaderSkeleton />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <Card>
          <title>Competitor not found · Ringside</title>
          <EmptyState
            icon={<SearchOffRounded />}
            title="This competitor is not here"
            action={
              <Button component={RouterLink} to="/competitors" variant="contained">
                All competitors
              </Button>
            }
          >
            It may have been deleted, or the link belongs to another workspace.
          </EmptyState>
        </Card>
      );
    }
    return <QueryError what="this competitor" query={query} />;
  }

  const competitor = query.data;
  const context: CompetitorContext = { competitor, canEdit: can('content.edit') };
  const current = tabOf(pathname, competitorId);

  return (
    <>
      <Button
        component={RouterLink}
        to="/competitors"
        size="small"
        startIcon={<ArrowBackRounded />}
        sx={{ mb: 1.5, ml: -1 }}
      >
        Competitors
      </Button>
      <CompetitorHeader competitor={competitor} canEdit={context.canEdit} />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
        <Tabs
          value={current}
          variant="scrollable"
          // No scroll arrows on a phone: they took the room "Battlecards" needs. The tabs are
          // compact there so all four fit at 390 px; with very large counts the bar swipes.
          scrollButtons="auto"
          aria-label={`Sections of ${competitor.name}`}
        >
          {TABS.map((tab) => (
            <Tab
              key={tab}
              value={tab}
              label={tabLabel(tab, competitor)}
              component={RouterLink}
              to={
                tab === 'overview'
                  ? `/competitors/${competitorId}`
                  : `/competitors/${competitorId}/${tab}`
              }
              sx={{
                fontWeight: 600,
                minWidth: { xs: 0, sm: 90 },
                px: { xs: 1, sm: 2 },
                fontSize: { xs: '0.8125rem', sm: '0.875rem' },
              }}
            />
          ))}
        </Tabs>
      </Box>
      <Outlet context={context} />
    </>
  );
}
