import { useQuery } from '@tanstack/react-query';
import type { DetailedHealth } from '../../../../common/system';
import { api } from '../../lib/api';

export type HealthReport = DetailedHealth;
export type HealthStatus = DetailedHealth['status'];
export type CheckStatus = DetailedHealth['checks']['database']['status'];

export const systemKeys = {
  health: ['system', 'health', 'detailed'] as const,
};

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
