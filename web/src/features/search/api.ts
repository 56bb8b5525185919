import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchResult } from '../../../../common/search';
import { api } from '../../lib/api';

export type { SearchResult };

export const SEARCH_LIMIT = 20;

/** Global search; keeps the previous answer on screen while the next one loads. */
export function useGlobalSearch(q: string) {
  return useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) =>
      api.get<{ items: SearchResult[]; nextCursor: string | null }>('/api/v1/search', {
        signal,
        query: { q, limit: SEARCH_LIMIT },
      }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
