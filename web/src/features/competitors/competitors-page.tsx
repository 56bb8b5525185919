import AddRounded from '@mui/icons-material/AddRounded';
import FilterAltOffOutlined from '@mui/icons-material/FilterAltOffOutlined';
import StorefrontOutlined from '@mui/icons-material/StorefrontOutlined';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Divider from '@mui/material/Divider';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { ListSkeleton } from '../../components/list-skeleton';
import { LoadMoreFooter } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { UpdatingBar } from '../../components/updating-bar';
import { useBelowBreakpoint } from '../../lib/use-below-breakpoint';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useAuth, useMe } from '../auth/auth-context';
import { ProductSetupNudge } from '../product/components/product-setup-nudge';
import { useCompetitors, type CompetitorFilters as Filters, type CompetitorTier } from './api';
import { CompetitorFilters } from './components/competitor-filters';
import { CompetitorFormDialog } from './components/competitor-form-dialog';
import { CompetitorCards, CompetitorTable, competitorPath } from './components/competitor-list';
import { TIERS, countOf } from './format';

function parseTier(value: string | null): CompetitorTier | undefined {
  return TIERS.find((tier) => tier === value);
}

/** Filters live in the address, so Back and a shared link show the same list. */
function useListFilters() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(text.trim());

  const update = (changes: Record<string, string | undefined>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  };

  useEffect(() => {
    if ((params.get('q') ?? '') !== q) update({ q });
    // Only the settled text writes to the address; `params` changes on every write.
  }, [q]);

  const filters: Filters = {
    q: q || undefined,
    tier: parseTier(params.get('tier')),
    tag: params.get('tag') ?? undefined,
    sort: params.get('sort') === 'updated' ? 'updated' : 'name',
  };
  const active = Boolean(filters.q ?? filters.tier ?? filters.tag);
  const clear = () => {
    setText('');
    update({ q: undefined, tier: undefined, tag: undefined });
  };
  return { text, setText, filters, update, active, clear };
}

/** "12 competitors shown" while more can load; "3 competitors match" under a filter. */
function listSummary(count: number, more: boolean, filtered: boolean): string {
  const verb = count === 1 ? ' matches' : ' match';
  return `${countOf(count, 'competitor')}${more ? ' shown' : filtered ? verb : ''}`;
}

export function CompetitorsPage() {
  const me = useMe();
  const { can } = useAuth();
  const canEdit = can('content.edit');
  const narrow = useBelowBreakpoint('md');
  const navigate = useNavigate();
  const { text, setText, filters, update, active, clear } = useListFilters();
  const query = useCompetitors(filters);
  const [adding, setAdding] = useState(false);

  const competitors = useMemo(() => query.data?.items ?? [], [query.data]);
  const tagSuggestions = useMemo(
    () => [...new Set(competitors.flatMap((c) => c.tags))].sort(),
    [competitors],
  );
  const empty = query.data !== undefined && competitors.length === 0;
  const noneAtAll = empty && !active;

  const addButton = canEdit ? (
    <Button
      variant="contained"
      startIcon={<AddRounded />}
      onClick={() => {
        setAdding(true);
      }}
    >
      Add competitor
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title="Competitors"
        subtitle={`The companies ${me.workspace.name} meets in deals: their intel, battlecards and how we fare against them.`}
        action={noneAtAll ? undefined : addButton}
      />
      <ProductSetupNudge />
      <Card component="section" aria-label="Competitor list">
        {!noneAtAll && (
          <>
            <CompetitorFilters
              text={text}
              onText={setText}
              tier={filters.tier}
              onTier={(tier) => {
                update({ tier });
              }}
              sort={filters.sort}
              onSort={(sort) => {
                update({ sort: sort === 'name' ? undefined : sort });
              }}
              tag={filters.tag}
              onClearTag={() => {
                update({ tag: undefined });
              }}
            />
            <Divider />
          </>
        )}
        <UpdatingBar active={query.isPlaceholderData} />
        {query.isPending && <ListSkeleton rows={4} rowHeight={56} />}
        {query.isError && !query.data && <QueryError what="the competitors" query={query} inset />}
        {noneAtAll && (
          <EmptyState icon={<StorefrontOutlined />} title="No competitors yet" action={addButton}>
            {canEdit
              ? 'Add the companies you run into in deals. Each gets a file of evidence — notes, web pages, win/loss stories — and battlecards sellers can open mid-call.'
              : `Nobody has added competitors to ${me.workspace.name} yet. Editors add them; ask one of them which rivals to cover first.`}
          </EmptyState>
        )}
        {empty && active && (
          <EmptyState
            icon={<FilterAltOffOutlined />}
            title="No competitors match"
            action={
              <Button variant="outlined" onClick={clear}>
                Clear filters
              </Button>
            }
          >
            Try another word, or show every tier and tag.
          </EmptyState>
        )}
        {competitors.length > 0 &&
          (narrow ? (
            <CompetitorCards
              competitors={competitors}
              onTag={(tag) => {
                update({ tag });
              }}
            />
          ) : (
            <CompetitorTable
              competitors={competitors}
              onTag={(tag) => {
                update({ tag });
              }}
            />
          ))}
        {competitors.length > 0 && (
          <LoadMoreFooter
            list={query}
            summary={listSummary(competitors.length, query.hasNextPage, active)}
          />
        )}
      </Card>
      {canEdit && (
        <CompetitorFormDialog
          open={adding}
          onClose={() => {
            setAdding(false);
          }}
          tagSuggestions={tagSuggestions}
          onSaved={(created) => {
            void navigate(competitorPath(created.id));
          }}
        />
      )}
    </>
  );
}
