import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Change,
  ChangeSummary,
  CreateSourceBody,
  IgnoreLineResult,
  PreviewSourceBody,
  Source,
  SourcePreview,
  UpdateSourceBody,
} from '../../../../common/monitoring';
import type { Page } from '../../../../common/pagination';
import { api } from '../../lib/api';

export type { Change, ChangeSummary, CreateSourceBody, Source, SourcePreview };

export const monitoringKeys = {
  sources: (competitorId: string) => ['sources', competitorId] as const,
  changes: (filters: ChangeFilters) => ['changes', 'list', filters] as const,
  change: (id: string) => ['changes', 'detail', id] as const,
};

export interface ChangeFilters {
  competitorId?: string | undefined;
  unread?: boolean | undefined;
}

/** "Check now" pressed: the source's last check then, until a newer one shows (or 2 min pass). */
const requestedChecks = new Map<string, { lastCheckedAt: string | null; at: number }>();
const awaitingCheck = (s: Source) => {
  const asked = requestedChecks.get(s.id);
  if (!asked) return false;
  if (s.lastCheckedAt !== asked.lastCheckedAt || Date.now() - asked.at > 120_000) {
    requestedChecks.delete(s.id);
    return false;
  }
  return true;
};

export function useSources(competitorId: string) {
  return useQuery({
    queryKey: monitoringKeys.sources(competitorId),
    queryFn: ({ signal }) =>
      api.get<{ items: Source[] }>(`/api/v1/competitors/${competitorId}/sources`, { signal }),
    // While a check is queued or runs, follow it.
    refetchInterval: (query) =>
      query.state.data?.items.some((s) => s.checking || s.status === 'pending' || awaitingCheck(s))
        ? 1_500
        : false,
  });
}

export function useSourceMutations(competitorId: string) {
  const client = useQueryClient();
  const refresh = () =>
    client.invalidateQueries({ queryKey: monitoringKeys.sources(competitorId) });
  return {
    create: useMutation({
      mutationFn: (body: CreateSourceBody) =>
        api.post<Source>(`/api/v1/competitors/${competitorId}/sources`, body),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateSourceBody }) =>
        api.patch<Source>(`/api/v1/sources/${id}`, body),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete<null>(`/api/v1/sources/${id}`),
      onSuccess: refresh,
    }),
    check: useMutation({
      mutationFn: (source: Source) => {
        requestedChecks.set(source.id, { lastCheckedAt: source.lastCheckedAt, at: Date.now() });
        return api.post<{ jobId: string }>(`/api/v1/sources/${source.id}/check`);
      },
      onSuccess: refresh,
    }),
    preview: useMutation({
      mutationFn: (body: PreviewSourceBody) =>
        api.post<SourcePreview>(`/api/v1/competitors/${competitorId}/sources/preview`, body),
    }),
  };
}

export function useChanges(filters: ChangeFilters) {
  const params = new URLSearchParams({ limit: '50' });
  if (filters.competitorId) params.set('competitorId', filters.competitorId);
  if (filters.unread) params.set('unread', 'true');
  return useQuery({
    queryKey: monitoringKeys.changes(filters),
    queryFn: ({ signal }) => api.get<Page<ChangeSummary>>(`/api/v1/changes?${params}`, { signal }),
  });
}

export function useChange(id: string | null) {
  return useQuery({
    queryKey: monitoringKeys.change(id ?? ''),
    queryFn: ({ signal }) => api.get<Change>(`/api/v1/changes/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useChangeActions() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['changes'] });
  return {
    markRead: useMutation({
      mutationFn: ({ id, read }: { id: string; read: boolean }) =>
        read
          ? api.post<null>(`/api/v1/changes/${id}/read`)
          : api.delete<null>(`/api/v1/changes/${id}/read`),
      // The open change shows its new state at once, even when its detail was still loading
      // (a detail fetched before the POST committed would otherwise say unread until refetched).
      onMutate: async ({ id, read }) => {
        await client.cancelQueries({ queryKey: monitoringKeys.change(id) });
        client.setQueryData<Change>(monitoringKeys.change(id), (old) =>
          old ? { ...old, read } : old,
        );
      },
      onSettled: refresh,
    }),
    dismiss: useMutation({
      mutationFn: (id: string) => api.post<null>(`/api/v1/changes/${id}/dismiss`),
      onSuccess: refresh,
    }),
    /** "Ignore this line": an ignore rule on the change's source. */
    ignoreLine: useMutation({
      mutationFn: ({ id, line }: { id: string; line: string }) =>
        api.post<IgnoreLineResult>(`/api/v1/changes/${id}/ignore`, { line }),
      onSuccess: (result) => client.invalidateQueries({ queryKey: ['sources'] }).then(() => result),
    }),
  };
}
