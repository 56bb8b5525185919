import { LoadMoreFooter } from '../../../components/load-more';
import { countOf } from '../../competitors/format';
import type { useDeals } from '../api';
import { DealList } from './deal-list';

/** The deals loaded so far, most recently closed first, with "Load more" under them. */
export function PagedDealList({
  list,
  showCompetitor,
}: {
  list: ReturnType<typeof useDeals>;
  showCompetitor: boolean;
}) {
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <>
      <DealList deals={items} showCompetitor={showCompetitor} />
      <LoadMoreFooter
        list={list}
        summary={`${countOf(items.length, 'deal')}${list.hasNextPage ? ' shown' : ''}, most recently closed first`}
      />
    </>
  );
}
