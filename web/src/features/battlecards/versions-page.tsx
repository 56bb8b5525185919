import ArrowBackRounded from '@mui/icons-material/ArrowBackRounded';
import HistoryRounded from '@mui/icons-material/HistoryRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardHeader from '@mui/material/CardHeader';
import Divider from '@mui/material/Divider';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import type { BattlecardVersionSummary } from '../../../../common/battlecards';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useBattlecard, useDiff, useVersions, type Battlecard } from './api';
import { CardContextLine } from './components/card-header';
import { ComparePicker } from './components/compare-picker';
import { DiffSummary, DiffView } from './components/diff-view';
import { VersionList } from './components/version-list';
import {
  defaultComparison,
  parseVersionRef,
  versionLabel,
  type Comparison,
} from './version-compare';

function Comparer({
  card,
  versions,
  comparison,
  hasDraft,
  onChange,
}: {
  card: Battlecard;
  versions: readonly BattlecardVersionSummary[];
  comparison: Comparison;
  hasDraft: boolean;
  onChange: (comparison: Comparison) => void;
}) {
  const diff = useDiff(card.id, comparison.from, comparison.to);
  const same = comparison.from === comparison.to;
  return (
    <Card component="section" aria-labelledby="compare-title">
      <CardHeader
        title="Compare"
        subheader={`What changed from ${versionLabel(comparison.from).toLowerCase()} to ${versionLabel(comparison.to).toLowerCase()}`}
        slotProps={{
          title: { id: 'compare-title', variant: 'h4', component: 'h2' },
          subheader: { variant: 'body2' },
        }}
      />
      <Box sx={{ px: 2, pb: 2 }}>
        <ComparePicker
          comparison={comparison}
          versions={versions}
          hasDraft={hasDraft}
          onChange={onChange}
        />
      </Box>
      <Divider />
      <Box sx={{ height: 4 }}>
        {diff.isFetching && <LinearProgress aria-label="Loading diff" />}
      </Box>
      <Box sx={{ p: 2 }}>
        {same ? (
          <Typography color="text.secondary">Pick two different versions to compare.</Typography>
        ) : diff.isError ? (
          <QueryError what="the differences" query={diff} />
        ) : diff.data ? (
          <Stack spacing={2} sx={{ opacity: diff.isPlaceholderData ? 0.6 : 1 }}>
            <DiffSummary diff={diff.data} />
            <DiffView diff={diff.data} />
          </Stack>
        ) : (
          <Stack spacing={1}>
            <Skeleton width={240} />
            <Skeleton variant="rounded" height={120} />
          </Stack>
        )}
      </Box>
    </Card>
  );
}

function HistoryBody({ card }: { card: Battlecard }) {
  const versions = useVersions(card.id);
  const [params, setParams] = useSearchParams();
  const hasDraft = card.hasUnpublishedChanges && card.version > 0;

  const chosen = (() => {
    const from = parseVersionRef(params.get('from'));
    const to = parseVersionRef(params.get('to'));
    return from !== undefined && to !== undefined ? { from, to } : undefined;
  })();
  const comparison =
    chosen ??
    (versions.data
      ? defaultComparison(
          versions.data.map((v) => v.version),
          hasDraft,
        )
      : null);

  const compare = (next: Comparison) => {
    setParams({ from: String(next.from), to: String(next.to) }, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Version history"
        subtitle={
          <>
            <CardContextLine card={card} component="span" />
            {card.title}
          </>
        }
        action={
          <Button
            component={RouterLink}
            to={`/battlecards/${card.id}`}
            startIcon={<ArrowBackRounded />}
            variant="outlined"
          >
            Back to card
          </Button>
        }
      />
      {versions.isPending && <Skeleton variant="rounded" height={200} />}
      {versions.isError && <QueryError what="the versions" query={versions} />}
      {versions.data &&
        (versions.data.length === 0 ? (
          <Card>
            <EmptyState
              icon={<HistoryRounded />}
              title="Not published yet"
              action={
                card.permissions.canPublish ? (
                  <Button
                    variant="contained"
                    component={RouterLink}
                    to={`/battlecards/${card.id}/edit`}
                  >
                    Open the editor
                  </Button>
                ) : undefined
              }
            >
              Each publish saves a version that never changes. Publish the card from the editor to
              create version 1; later versions can be compared here.
            </EmptyState>
          </Card>
        ) : (
          <Box
            sx={{
              display: 'grid',
              gap: 2,
              gridTemplateColumns: { xs: '1fr', md: '300px minmax(0, 1fr)' },
              alignItems: 'start',
            }}
          >
            <Card
              component="section"
              aria-labelledby="versions-title"
              sx={{ order: { xs: 2, md: 1 } }}
            >
              <CardHeader
                title={`Versions (${versions.data.length})`}
                slotProps={{ title: { id: 'versions-title', variant: 'h4', component: 'h2' } }}
              />
              <Divider />
              <VersionList
                cardId={card.id}
                versions={versions.data}
                hasDraft={hasDraft}
                comparison={comparison}
                onCompare={compare}
              />
            </Card>
            <Box sx={{ order: { xs: 1, md: 2 }, minWidth: 0 }}>
              {comparison ? (
                <Comparer
                  card={card}
                  versions={versions.data}
                  comparison={comparison}
                  hasDraft={hasDraft}
                  onChange={compare}
                />
              ) : (
                <Card>
                  <EmptyState icon={<HistoryRounded />} title="Only one version so far">
                    Once the card is published again you can compare versions here. Open version 1
                    to see exactly what was published.
                  </EmptyState>
                </Card>
              )}
            </Box>
          </Box>
        ))}
    </>
  );
}

/** `/battlecards/:id/versions` — every publish, and what changed between any two. */
export function VersionsPage() {
  const { id = '' } = useParams();
  const card = useBattlecard(id);
  if (card.isPending) {
    return (
      <Stack spacing={2} aria-busy="true" aria-label="Loading version history">
        <Skeleton width={280} height={44} />
        <Skeleton variant="rounded" height={240} />
      </Stack>
    );
  }
  if (card.isError) {
    return (
      <>
        <title>Version history · Ringside</title>
        <QueryError what="this battlecard" query={card} />
      </>
    );
  }
  return <HistoryBody card={card.data} />;
}
