import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { DashboardFigures } from '../analytics/components/dashboard-figures';
import { useAuth, useMe } from '../auth/auth-context';
import { useCompetitors, type Competitor } from '../competitors/api';
import { useProduct } from '../product/api';
import { SystemStatusCard } from '../system/components/system-status-card';
import { CompetitorGlance } from './components/competitor-glance';
import { GettingStarted, type SetupStep } from './components/getting-started';

function WelcomePanel() {
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="welcome-title"
      sx={(theme) => ({
        p: { xs: 2.5, sm: 3.5 },
        backgroundImage: `linear-gradient(135deg, ${alpha(theme.palette.primary.main, 0.07)} 0%, ${alpha(theme.palette.primary.main, 0)} 60%)`,
      })}
    >
      <Typography variant="overline" color="primary">
        Competitive intelligence, self-hosted
      </Typography>
      <Typography id="welcome-title" variant="h2" component="h2" sx={{ mt: 0.5, mb: 1.5 }}>
        Know the competition before the call does.
      </Typography>
      <Stack spacing={1.5} sx={{ maxWidth: '68ch' }}>
        <Typography>
          Ringside keeps a living file on each competitor — notes, web pages, win/loss stories, call
          snippets — and turns it into battlecards where every claim cites its source.
        </Typography>
        <Typography>
          Sellers get quick, current answers to &ldquo;how do we win against them?&rdquo;, and
          product marketing sees which cards have gone stale.
        </Typography>
      </Stack>
    </Paper>
  );
}

/** What a new workspace still has to do, from the data the home page already loaded. */
function setupSteps(configured: boolean, competitors: Competitor[]): SetupStep[] {
  const first = competitors[0];
  const withEvidence = competitors.find((c) => c.counts.evidence > 0);
  const target = withEvidence ?? first;
  return [
    {
      id: 'product',
      title: 'Describe our product',
      detail: 'Pitch, capabilities, pricing and proof points: what every card compares against.',
      done: configured,
      action: { label: 'Set up our product', to: '/settings/product' },
    },
    {
      id: 'competitor',
      title: 'Add your first competitor',
      detail: 'Start with the one sellers meet most often.',
      done: competitors.length > 0,
      action: { label: 'Add a competitor', to: '/competitors' },
    },
    {
      id: 'evidence',
      title: 'File some evidence',
      detail: 'Paste their pricing page, a win/loss story or a call snippet.',
      done: withEvidence !== undefined,
      action: {
        label: 'Add a note',
        to: first ? `/competitors/${first.id}/evidence` : '/competitors',
      },
    },
    {
      id: 'battlecard',
      title: 'Write a battlecard',
      detail: 'Claims that cite the evidence, ready for sellers to open mid-call.',
      done: competitors.some((c) => c.counts.battlecards > 0),
      action: {
        label: 'New battlecard',
        to: target ? `/competitors/${target.id}/battlecards` : '/competitors',
      },
    },
  ];
}

export function HomePage() {
  const me = useMe();
  const { can } = useAuth();
  const canEdit = can('content.edit');
  const competitorsQuery = useCompetitors({ sort: 'name' }, 100);
  const product = useProduct();
  const competitors = competitorsQuery.data?.pages[0]?.items ?? [];
  const loaded = competitorsQuery.data !== undefined && product.data !== undefined;
  const steps = loaded ? setupSteps(product.data.configured, competitors) : [];
  const showSetup = canEdit && loaded && steps.some((s) => !s.done);

  return (
    <>
      <PageHeader title="Home" subtitle={me.workspace.name} />
      <Box
        sx={{
          display: 'grid',
          gap: { xs: 2, md: 3 },
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 7fr) minmax(0, 5fr)' },
          alignItems: 'start',
        }}
      >
        <Stack spacing={{ xs: 2, md: 3 }} sx={{ minWidth: 0 }}>
          {!loaded && !competitorsQuery.isError && !product.isError && (
            <Skeleton variant="rounded" height={220} aria-label="Loading" />
          )}
          {competitorsQuery.isError && (
            <QueryError what="your competitors" query={competitorsQuery} />
          )}
          {showSetup && <GettingStarted steps={steps} />}
          {loaded && competitors.length > 0 && <DashboardFigures />}
          {loaded && competitors.length > 0 && (
            <CompetitorGlance
              competitors={competitors}
              more={competitorsQuery.data.pages[0]?.nextCursor != null}
            />
          )}
          {loaded && competitors.length === 0 && <WelcomePanel />}
        </Stack>
        <SystemStatusCard />
      </Box>
    </>
  );
}
