import ArrowBackRounded from '@mui/icons-material/ArrowBackRounded';
import CompareArrowsRounded from '@mui/icons-material/CompareArrowsRounded';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { QueryError } from '../../components/query-error';
import { formatDate } from '../../lib/format';
import { useBattlecard, useVersion } from './api';
import { filterSections, searchTerms } from './claim-filter';
import { CardContextLine, HeaderAction, StickyCardHeader } from './components/card-header';
import { CardSearchField } from './components/card-search-field';
import { CardSections } from './components/card-sections';
import { CardSkeleton } from './components/card-skeleton';
import { ExportMenu } from './components/export-menu';
import { NoticeProvider } from './components/notice';
import { PrintStyles } from './components/print-styles';

/** `/battlecards/:id/versions/:version` — exactly what was published, read-only. */
export function VersionPage() {
  const { id = '', version: versionParam = '' } = useParams();
  const number = Number(versionParam);
  const card = useBattlecard(id);
  const version = useVersion(id, number);
  const [query, setQuery] = useState('');
  const terms = useMemo(() => searchTerms(query), [query]);
  const filtered = useMemo(
    () => filterSections(version.data?.sections ?? [], query),
    [version.data, query],
  );

  if (version.isPending || card.isPending) return <CardSkeleton />;
  const v = version.data;
  const c = card.data;
  if (!v || !c) {
    const error = version.error ?? card.error ?? new Error('Not found');
    return (
      <>
        <title>Version · Ringside</title>
        <QueryError
          what={`version ${versionParam}`}
          query={{
            error,
            isFetching: version.isFetching || card.isFetching,
            refetch: () => {
              void version.refetch();
              void card.refetch();
            },
          }}
        />
      </>
    );
  }
  return (
    <NoticeProvider>
      <PrintStyles />
      <StickyCardHeader
        context={<CardContextLine card={{ competitor: c.competitor, segment: v.segment }} />}
        title={v.title}
        chips={
          <Chip
            size="small"
            color="primary"
            variant="outlined"
            label={`Version ${v.version} · ${formatDate(v.publishedAt)}`}
            sx={{ height: 22, fontSize: '0.72rem' }}
          />
        }
        tools={<CardSearchField value={query} onChange={setQuery} />}
        actions={
          <>
            <HeaderAction
              to={`/battlecards/${id}/versions${v.version > 1 ? `?from=${v.version - 1}&to=${v.version}` : ''}`}
              label="Back to history"
              icon={<ArrowBackRounded fontSize="small" />}
            />
            <ExportMenu cardId={id} version={v.version} />
            {v.version !== c.version && (
              <HeaderAction
                to={`/battlecards/${id}/versions?from=${v.version}&to=${c.version}`}
                label="Compare with latest"
                icon={<CompareArrowsRounded fontSize="small" />}
              />
            )}
          </>
        }
      />
      <Alert severity="info" sx={{ mb: 2 }}>
        You are reading version {v.version} as published on {formatDate(v.publishedAt)}
        {v.publishedBy && ` by ${v.publishedBy.name}`}
        {v.note && ` — “${v.note}”`}. Published versions never change.
      </Alert>
      <CardSections
        sections={filtered.sections}
        terms={terms}
        competitorId={c.competitorId}
        showEmpty={false}
      />
    </NoticeProvider>
  );
}
