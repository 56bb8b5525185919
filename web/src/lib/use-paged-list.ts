import {
  keepPreviousData,
  useInfiniteQuery,
  type InfiniteData,
  type QueryKey,
} from '@tanstack/react-query';
import type { Page } from '../../../common/pagination';
import { api, type ApiRequestOptions } from './api';

type Query = NonNullable<ApiRequestOptions['query']>;

/** The pages loaded so far, and their rows in one list. */
export type PagedListData<T> = InfiniteData<Page<T>, string | undefined> & { items: T[] };

/** `data` plus the rows of all its pages in order, as one list. */
export function withItems<T>(data: InfiniteData<Page<T>, string | undefined>): PagedListData<T> {
  return { ...data, items: data.pages.flatMap((page) => page.items) };
}

/**
 * A cursor-paged list endpoint (`?cursor=&limit=` → `Page<T>`), a page at a time:
 * `fetchNextPage` follows `nextCursor`. While a new filter loads, the rows of the previous one
 * stay on screen (`isPlaceholderData`).
 */
export function usePagedList<
  T,
  Q extends { [K in keyof Q]: Query[string] } = Record<never, never>,
>({
  queryKey,
  path,
  filters,
  pageSize,
  enabled = true,
}: {
  queryKey: QueryKey;
  path: string;
  filters?: Q;
  pageSize: number;
  enabled?: boolean;
}) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(path, {
        query: { ...(filters as Query | undefined), cursor: pageParam, limit: pageSize },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    select: withItems<T>,
    enabled,
  });
}
