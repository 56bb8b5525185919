import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateDealBody, Deal, DealOutcome, WinRateSchema } from '../../../../common/deals';
import { api } from '../../lib/api';
import { usePagedList } from '../../lib/use-paged-list';

export type { CreateDealBody, Deal, DealOutcome };
export type WinRate = z.output<typeof WinRateSchema>;

export interface DealFilters {
  competitorId?: string | undefined;
  outcome?: DealOutcome | undefined;
}

const DEAL_PAGE = 20;

export const dealKeys = {
  all: ['deals'] as const,
  list: (filters: DealFilters, pageSize: number) => ['deals', 'list', filters, pageSize] as const,
  winRates: ['deals', 'win-rates'] as const,
};

/** Most recently closed first, a page at a time. */
export function useDeals(filters: DealFilters, pageSize = DEAL_PAGE) {
  return usePagedList<Deal, DealFilters>({
    queryKey: dealKeys.list(filters, pageSize),
    path: '/api/v1/deals',
    filters,
    pageSize,
  });
}

/** Won, lost and undecided deals per competitor, over all time. */
export function useWinRates() {
  return useQuery({
    queryKey: dealKeys.winRates,
    queryFn: ({ signal }) => api.get<{ items: WinRate[] }>('/api/v1/deals/win-rates', { signal }),
    select: (data) => data.items,
  });
}

export function useCreateDeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDealBody) => api.post<Deal>('/api/v1/deals', body),
    onSuccess: () => {
      // Competitors carry deal counts and win rates.
      void queryClient.invalidateQueries({ queryKey: ['competitors'] });
      return queryClient.invalidateQueries({ queryKey: dealKeys.all });
    },
  });
}
