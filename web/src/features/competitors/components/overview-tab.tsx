import ArrowForwardRounded from '@mui/icons-material/ArrowForwardRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { formatDate, formatDateTime, formatRelative } from '../../../lib/format';
import { CompetitorProfileCard } from '../../ai/competitor-profile-card';
import { CompetitorWinRate } from '../../deals/components/competitor-win-rate';
import { useCompetitorBattlecards, useEvidenceList } from '../api';
import { useCompetitorContext } from '../competitor-context';
import { countOf, sortCards, tierDescription, tierLabel } from '../format';
import { FreshnessChip } from './battlecard-chips';
import { EvidenceList } from './evidence-list';
import { OpenCardButton } from './open-card-button';
import { TabColumns } from './tab-columns';

function Section({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card component="section" aria-labelledby={id}>
      <CardHeader
        title={title}
        action={action}
        slotProps={{ title: { id, variant: 'h4', component: 'h2' } }}
        sx={{ pb: 1, '& .MuiCardHeader-action': { m: 0, alignSelf: 'center' } }}
      />
      {children}
    </Card>
  );
}

function SeeAll({ to, label }: { to: string; label: string }) {
  return (
    <Button component={RouterLink} to={to} size="small" endIcon={<ArrowForwardRounded />}>
      {label}
    </Button>
  );
}

/** What sellers reach for first: the published cards, ready to open. */
function CardsForSellers() {
  const { competitor, canEdit } = useCompetitorContext();
  const query = useCompetitorBattlecards(competitor.id);
  const published = sortCards(query.data?.items ?? []).filter((c) => c.status === 'published');
  const inProgress = (query.data?.items ?? []).filter(
    (c) => c.status === 'draft' || c.status === 'generating',
  ).length;
  const base = `/competitors/${competitor.id}`;
  return (
    <Section
      id="sellers-title"
      title="Battlecards"
      action={<SeeAll to={`${base}/battlecards`} label="All cards" />}
    >
      <CardContent sx={{ pt: 0 }}>
        {query.isPending && <Skeleton variant="rounded" height={48} />}
        {query.isError && <QueryError what="the battlecards" query={query} />}
        {query.data && published.length === 0 && (
          <Typography color="text.secondary">
            No published battlecard yet
            {inProgress > 0 ? ` — ${countOf(inProgress, 'draft')} in progress.` : '.'}{' '}
            {canEdit && (
              <Link component={RouterLink} to={`${base}/battlecards`}>
                {inProgress > 0 ? 'See the drafts' : 'Write one'}
              </Link>
            )}
          </Typography>
        )}
        {published.length > 0 && (
          <Stack spacing={1}>
            {published.map((card) => (
              <Stack
                key={card.id}
                direction="row"
                sx={{
                  alignItems: 'center',
                  gap: 1.5,
                  flexWrap: 'wrap',
                  p: 1.5,
                  border: 1,
                  borderColor: 'divider',
                  borderRadius: 1,
                }}
              >
                <Box sx={{ flex: '1 1 200px', minWidth: 0 }}>
                  <Typography sx={{ fontWeight: 650, wordBreak: 'break-word' }}>
                    {card.title}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {card.segment} · v{card.version} · {countOf(card.claimCount, 'claim')}
                  </Typography>
                </Box>
                <FreshnessChip freshness={card.freshness} />
                <OpenCardButton card={card} variant="contained" />
              </Stack>
            ))}
          </Stack>
        )}
      </CardContent>
    </Section>
  );
}

function LatestEvidence() {
  const { competitor, canEdit } = useCompetitorContext();
  const query = useEvidenceList(competitor.id, {});
  const items = query.data?.pages[0]?.items.slice(0, 3) ?? [];
  return (
    <Section
      id="latest-evidence-title"
      title="Latest evidence"
      action={<SeeAll to={`/competitors/${competitor.id}/evidence`} label="All evidence" />}
    >
      {query.isPending && (
        <CardContent sx={{ pt: 0 }}>
          <Skeleton variant="rounded" height={120} />
        </CardContent>
      )}
      {query.isError && (
        <CardContent sx={{ pt: 0 }}>
          <QueryError what="the evidence" query={query} />
        </CardContent>
      )}
      {query.data && items.length === 0 && (
        <CardContent sx={{ pt: 0 }}>
          <Typography color="text.secondary">
            Nothing filed yet.{' '}
            {canEdit && (
              <Link component={RouterLink} to={`/competitors/${competitor.id}/evidence`}>
                Add the first note
              </Link>
            )}
          </Typography>
        </CardContent>
      )}
      {items.length > 0 && (
        <>
          <Divider />
          <EvidenceList items={items} />
        </>
      )}
    </Section>
  );
}

function WinRateCard() {
  const { competitor } = useCompetitorContext();
  return (
    <Section
      id="overview-win-rate-title"
      title="Win rate"
      action={<SeeAll to={`/competitors/${competitor.id}/deals`} label="Deals" />}
    >
      <CardContent sx={{ pt: 0 }}>
        <CompetitorWinRate competitorId={competitor.id} />
      </CardContent>
    </Section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography variant="body2" component="dd" sx={{ m: 0 }}>
        {children}
      </Typography>
    </Box>
  );
}

/** The competitor at a glance: summary, cards for sellers, latest intel and the win rate. */
export function OverviewTab() {
  const { competitor, canEdit } = useCompetitorContext();
  return (
    <TabColumns>
      <Stack spacing={{ xs: 2, md: 3 }} sx={{ minWidth: 0 }}>
        <Section id="summary-title" title="Summary">
          <CardContent sx={{ pt: 0 }}>
            {competitor.summary ? (
              <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {competitor.summary}
              </Typography>
            ) : (
              <Typography color="text.secondary">
                No summary yet.
                {canEdit && ' Use Edit above to say who they are and who they sell to.'}
              </Typography>
            )}
          </CardContent>
        </Section>
        <CardsForSellers />
        {competitor.counts.evidence > 0 && <CompetitorProfileCard competitorId={competitor.id} />}
        <LatestEvidence />
      </Stack>
      <Stack spacing={{ xs: 2, md: 3 }} sx={{ minWidth: 0 }}>
        <WinRateCard />
        <Section id="facts-title" title="At a glance">
          <CardContent sx={{ pt: 0 }}>
            <Stack component="dl" spacing={1.25} sx={{ m: 0 }}>
              <Fact label="Tier">
                {tierLabel[competitor.tier]} — {tierDescription[competitor.tier].toLowerCase()}
              </Fact>
              <Fact label="Latest intel">
                {competitor.lastEvidenceAt ? (
                  <span title={formatDateTime(competitor.lastEvidenceAt)}>
                    {formatRelative(competitor.lastEvidenceAt)}
                  </span>
                ) : (
                  'None yet'
                )}
              </Fact>
              <Fact label="Added">{formatDate(competitor.createdAt)}</Fact>
              <Fact label="Last edited">
                <span title={formatDateTime(competitor.updatedAt)}>
                  {formatRelative(competitor.updatedAt)}
                </span>
              </Fact>
            </Stack>
          </CardContent>
        </Section>
      </Stack>
    </TabColumns>
  );
}
