import { useQuery } from '@tanstack/react-query';
import type { DetailedHealth, Meta } from '../../../../common/system';
import { api } from '../../lib/api';

export type HealthReport = DetailedHealth;
export type HealthStatus = DetailedHealth['status'];
export type CheckStatus = DetailedHealth['checks']['database']['status'];

export const systemKeys = {
  health: ['system', 'health', 'detailed'] as const,
  meta: ['system', 'meta'] as const,
};

/** Public facts about the server, e.g. whether anyone may sign up. */
export function useMeta() {
  return useQuery({
    queryKey: systemKeys.meta,
    queryFn: ({ signal }) => api.get<Meta>('/api/v1/meta', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useHealthReport() {
  return useQuery({
    queryKey: systemKeys.health,
    // An unhealthy server answers 503 with the same report.
    queryFn: ({ signal }) =>
      api.get<HealthReport>('/health/detailed', { signal, acceptStatus: [503] }),
    refetchInterval: 15_000,
    staleTime: 5_000,
  });
}
