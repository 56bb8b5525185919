import WarningAmberRounded from '@mui/icons-material/WarningAmberRounded';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { ListSkeleton } from '../../components/list-skeleton';
import { QueryError } from '../../components/query-error';
import { type CompetitorProfileView, useCompetitorProfile } from './api';

const CATEGORY_TITLES: Record<CompetitorProfileView['facts'][number]['category'], string> = {
  pricing: 'Pricing',
  feature: 'Features',
  integration: 'Integrations',
  compliance: 'Security & compliance',
  customer: 'Customers',
  company: 'Company',
  strength: 'Strengths',
  weakness: 'Weaknesses',
  news: 'News',
};

type Fact = CompetitorProfileView['facts'][number];

function FactRow({ fact, competitorId }: { fact: Fact; competitorId: string }) {
  return (
    <Box component="li" sx={{ py: 0.75 }} data-testid="profile-fact">
      <Stack direction="row" sx={{ gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {fact.value}
        </Typography>
        {fact.conflicting && (
          <Chip
            size="small"
            color="warning"
            variant="outlined"
            icon={<WarningAmberRounded />}
            label="Conflicting sources"
            title="Another source says something different about this; newest first."
          />
        )}
      </Stack>
      {fact.citations.slice(0, 2).map((c) => (
        <Typography
          key={`${c.evidenceId}:${c.quote}`}
          variant="caption"
          color="text.secondary"
          component="p"
          sx={{ overflowWrap: 'anywhere' }}
        >
          “{c.quote.length > 160 ? `${c.quote.slice(0, 157)}…` : c.quote}” —{' '}
          <Link component={RouterLink} to={`/competitors/${competitorId}/evidence/${c.evidenceId}`}>
            {c.title ?? 'evidence'}
          </Link>
        </Typography>
      ))}
    </Box>
  );
}

/** What the evidence says about a competitor, by category, each fact with its sources. */
export function CompetitorProfileCard({ competitorId }: { competitorId: string }) {
  const query = useCompetitorProfile(competitorId);
  const groups = new Map<Fact['category'], Fact[]>();
  for (const fact of query.data?.facts ?? []) {
    groups.set(fact.category, [...(groups.get(fact.category) ?? []), fact]);
  }
  return (
    <Card component="section" aria-labelledby="profile-title">
      <CardHeader
        title="What the evidence says"
        subheader={
          query.data
            ? `From ${query.data.evidenceCount} evidence items · every fact quotes its source`
            : 'Facts drawn from this competitor’s evidence'
        }
        slotProps={{
          title: { id: 'profile-title', variant: 'h4', component: 'h2' },
          subheader: { variant: 'body2' },
        }}
      />
      <Divider />
      {query.isPending && <ListSkeleton rows={3} rowHeight={48} />}
      {query.isError && <QueryError what="the profile" query={query} inset />}
      {query.data && (
        <CardContent>
          {query.data.overview && (
            <Typography variant="body2" sx={{ mb: 2 }}>
              {query.data.overview}
            </Typography>
          )}
          {query.data.facts.length === 0 && (
            <Typography variant="body2" color="text.secondary">
              No facts yet. Add evidence — a pricing page, a security page, win/loss notes — and the
              profile builds itself.
            </Typography>
          )}
          <Stack spacing={2}>
            {[...groups.entries()].map(([category, facts]) => (
              <Box key={category} data-testid={`profile-${category}`}>
                <Typography variant="overline" color="text.secondary">
                  {CATEGORY_TITLES[category]}
                </Typography>
                <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
                  {facts.slice(0, 8).map((fact) => (
                    <FactRow
                      key={`${fact.category}:${fact.value}`}
                      fact={fact}
                      competitorId={competitorId}
                    />
                  ))}
                </Box>
              </Box>
            ))}
          </Stack>
        </CardContent>
      )}
    </Card>
  );
}
