import AddRounded from '@mui/icons-material/AddRounded';
import FilterAltOffOutlined from '@mui/icons-material/FilterAltOffOutlined';
import StickyNote2Outlined from '@mui/icons-material/StickyNote2Outlined';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { Outlet } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { FilterSelect } from '../../../components/filter-select';
import { ListSkeleton } from '../../../components/list-skeleton';
import { LoadMoreFooter } from '../../../components/load-more';
import { QueryError } from '../../../components/query-error';
import { SearchField } from '../../../components/search-field';
import { UpdatingBar } from '../../../components/updating-bar';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useEvidenceList, type EvidenceKind } from '../api';
import { useCompetitorContext } from '../competitor-context';
import { EVIDENCE_KINDS, countOf, evidenceKindLabel } from '../format';
import { AddEvidenceDialog } from './add-evidence-dialog';
import { EvidenceList } from './evidence-list';

/** Everything filed under the competitor, newest first, with search and a kind filter. */
export function EvidenceTab() {
  const { competitor, canEdit } = useCompetitorContext();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<EvidenceKind | undefined>();
  const [adding, setAdding] = useState(false);
  const q = useDebouncedValue(text.trim());
  const query = useEvidenceList(competitor.id, { q: q || undefined, kind });
  const items = query.data?.items ?? [];
  const filtered = Boolean(q || kind);

  const addButton = canEdit ? (
    <Button
      variant="contained"
      startIcon={<AddRounded />}
      onClick={() => {
        setAdding(true);
      }}
      sx={{ flexShrink: 0 }}
    >
      Add note
    </Button>
  ) : undefined;

  const noneAtAll = query.data !== undefined && items.length === 0 && !filtered;

  return (
    <>
      <Card component="section" aria-label={`Evidence about ${competitor.name}`}>
        {!noneAtAll && (
          <>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ p: 2 }}>
              <SearchField
                label="Search evidence"
                placeholder="Search titles and text"
                value={text}
                onChange={setText}
                sx={{ flex: 1 }}
              />
              <FilterSelect
                label="Kind"
                allLabel="All kinds"
                options={EVIDENCE_KINDS}
                optionLabel={evidenceKindLabel}
                value={kind}
                onChange={setKind}
                sx={{ width: { sm: 180 } }}
              />
              {addButton}
            </Stack>
            <Divider />
          </>
        )}
        <UpdatingBar active={query.isPlaceholderData} />
        {query.isPending && <ListSkeleton rows={4} rowHeight={64} />}
        {query.isError && !query.data && <QueryError what="the evidence" query={query} inset />}
        {noneAtAll && (
          <EmptyState icon={<StickyNote2Outlined />} title="No evidence yet" action={addButton}>
            {canEdit
              ? `Start ${competitor.name}'s file: paste their pricing page, jot down what a buyer said, or drop in a call snippet. Battlecard claims cite this evidence word for word.`
              : `Nothing has been filed about ${competitor.name} yet. Editors add notes, web pages and win/loss stories here.`}
          </EmptyState>
        )}
        {query.data && items.length === 0 && filtered && (
          <EmptyState
            icon={<FilterAltOffOutlined />}
            title="Nothing matches"
            action={
              <Button
                variant="outlined"
                onClick={() => {
                  setText('');
                  setKind(undefined);
                }}
              >
                Clear filters
              </Button>
            }
          >
            Try other words, or show every kind of evidence.
          </EmptyState>
        )}
        {items.length > 0 && (
          <>
            <EvidenceList items={items} />
            <LoadMoreFooter
              list={query}
              summary={`${countOf(items.length, 'item')}${query.hasNextPage ? ' shown' : ''}, newest first`}
            />
          </>
        )}
      </Card>
      {canEdit && (
        <AddEvidenceDialog
          open={adding}
          onClose={() => {
            setAdding(false);
          }}
          competitor={competitor}
        />
      )}
      {/* The evidence dialog, when the address names one. */}
      <Outlet context={{ competitor, canEdit }} />
    </>
  );
}
