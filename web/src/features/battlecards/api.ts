import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type {
  Battlecard,
  BattlecardDiff,
  BattlecardStatus,
  BattlecardSummary,
  BattlecardVersion,
  BattlecardVersionSummary,
  Claim,
  CreateClaimBody,
  SectionKey,
  UpdateClaimBody,
} from '../../../../common/battlecards';
import type { Competitor, Evidence, EvidenceSummary } from '../../../../common/competitors';
import type { Page } from '../../../../common/pagination';
import { api } from '../../lib/api';
import { usePagedList } from '../../lib/use-paged-list';
import type { VersionRef } from './version-compare';

export type { Battlecard, BattlecardSummary, Claim, Evidence, EvidenceSummary };

const path = (...parts: string[]) =>
  `/api/v1/battlecards/${parts.map((p) => encodeURIComponent(p)).join('/')}`;

export interface BattlecardFilters {
  status?: BattlecardStatus | undefined;
  competitorId?: string | undefined;
  q?: string | undefined;
}

export const battlecardKeys = {
  all: ['battlecards'] as const,
  list: (filters: BattlecardFilters) => ['battlecards', 'list', filters] as const,
  detail: (id: string) => ['battlecards', 'detail', id] as const,
  versions: (id: string) => ['battlecards', 'versions', id] as const,
  version: (id: string, version: number) => ['battlecards', 'version', id, version] as const,
  diff: (id: string, from: VersionRef, to: VersionRef) =>
    ['battlecards', 'diff', id, String(from), String(to)] as const,
};

/** The card as sellers read it (one request; served from the server's card cache). */
export function useBattlecard(id: string) {
  return useQuery({
    queryKey: battlecardKeys.detail(id),
    queryFn: ({ signal }) => api.get<Battlecard>(path(id), { signal }),
  });
}

const PAGE_SIZE = 25;

export function useBattlecardList(filters: BattlecardFilters) {
  return usePagedList<BattlecardSummary, BattlecardFilters>({
    queryKey: battlecardKeys.list(filters),
    path: '/api/v1/battlecards',
    filters,
    pageSize: PAGE_SIZE,
  });
}

export function useVersions(id: string) {
  return useQuery({
    queryKey: battlecardKeys.versions(id),
    queryFn: ({ signal }) =>
      api.get<{ items: BattlecardVersionSummary[] }>(path(id, 'versions'), { signal }),
    select: (data) => data.items,
  });
}

export function useVersion(id: string, version: number) {
  return useQuery({
    queryKey: battlecardKeys.version(id, version),
    queryFn: ({ signal }) =>
      api.get<BattlecardVersion>(path(id, 'versions', String(version)), { signal }),
    // A published version never changes.
    staleTime: Infinity,
  });
}

export function useDiff(id: string, from: VersionRef | undefined, to: VersionRef | undefined) {
  const enabled = from !== undefined && to !== undefined && from !== to;
  return useQuery({
    queryKey: battlecardKeys.diff(id, from ?? 'draft', to ?? 'draft'),
    queryFn: ({ signal }) =>
      api.get<BattlecardDiff>(path(id, 'diff'), {
        signal,
        query: { from: String(from), to: String(to) },
      }),
    enabled,
    placeholderData: keepPreviousData,
    // Between two published versions the answer never changes; the draft can.
    staleTime: from === 'draft' || to === 'draft' ? 0 : Infinity,
  });
}

// ---- writes ---------------------------------------------------------------------------------

/** Everything a card write can change: the card, its list rows, diffs against the draft. */
function refreshCard(queryClient: QueryClient, id: string) {
  void queryClient.invalidateQueries({ queryKey: ['battlecards', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['battlecards', 'diff', id] });
  void queryClient.invalidateQueries({ queryKey: battlecardKeys.versions(id) });
  return queryClient.invalidateQueries({ queryKey: battlecardKeys.detail(id) });
}

export interface UpdateBattlecardInput {
  title?: string;
  segment?: string;
  visibility?: 'workspace' | 'private';
  status?: 'draft' | 'archived';
}

export function useUpdateBattlecard(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateBattlecardInput) => api.patch<unknown>(path(id), body),
    onSuccess: () => refreshCard(queryClient, id),
  });
}

export function useCreateClaim(cardId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClaimBody) => api.post<Claim>(path(cardId, 'claims'), body),
    onSuccess: () => refreshCard(queryClient, cardId),
  });
}

export function useUpdateClaim(cardId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ claimId, ...body }: UpdateClaimBody & { claimId: string }) =>
      api.patch<Claim>(path(cardId, 'claims', claimId), body),
    onSuccess: () => refreshCard(queryClient, cardId),
  });
}

export function useDeleteClaim(cardId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (claimId: string) => api.delete<undefined>(path(cardId, 'claims', claimId)),
    onSuccess: () => refreshCard(queryClient, cardId),
  });
}

export function useMarkStale(cardId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ claimId, reason }: { claimId: string; reason?: string }) =>
      api.post<Claim>(path(cardId, 'claims', claimId, 'stale'), reason ? { reason } : {}),
    onSuccess: () => refreshCard(queryClient, cardId),
  });
}

export function useVerifyClaim(cardId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (claimId: string) => api.post<Claim>(path(cardId, 'claims', claimId, 'verify'), {}),
    onSuccess: () => refreshCard(queryClient, cardId),
  });
}

/** Moves claims at once on screen; the server's order wins when it answers. */
export function useReorderSection(cardId: string) {
  const queryClient = useQueryClient();
  const key = battlecardKeys.detail(cardId);
  return useMutation({
    mutationFn: ({ section, claimIds }: { section: SectionKey; claimIds: string[] }) =>
      api.put<unknown>(path(cardId, 'sections', section, 'order'), { claimIds }),
    onMutate: async ({ section, claimIds }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Battlecard>(key);
      if (previous) {
        queryClient.setQueryData<Battlecard>(key, {
          ...previous,
          sections: previous.sections.map((s) => {
            if (s.key !== section) return s;
            const byId = new Map(s.claims.map((c) => [c.id, c]));
            const claims = claimIds.flatMap((claimId) => byId.get(claimId) ?? []);
            return { ...s, claims };
          }),
        });
      }
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => refreshCard(queryClient, cardId),
  });
}

export function usePublish(cardId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      api.post<BattlecardVersionSummary>(path(cardId, 'publish'), note ? { note } : {}),
    onSuccess: () => refreshCard(queryClient, cardId),
  });
}

// ---- evidence for the citation picker (the catalog API) -------------------------------------

export function useCompetitorEvidence(competitorId: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['evidence', 'list', { competitorId, q }],
    queryFn: ({ signal }) =>
      api.get<Page<EvidenceSummary>>(
        `/api/v1/competitors/${encodeURIComponent(competitorId)}/evidence`,
        { signal, query: { q: q || undefined, limit: 30 } },
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useEvidence(id: string | undefined) {
  return useQuery({
    queryKey: ['evidence', 'detail', id],
    queryFn: ({ signal }) =>
      api.get<Evidence>(`/api/v1/evidence/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== undefined,
  });
}

/** Competitors to filter the list by, searched by name. */
export function useCompetitorOptions(q: string) {
  return useQuery({
    queryKey: ['competitors', 'options', q],
    queryFn: ({ signal }) =>
      api.get<Page<Competitor>>('/api/v1/competitors', {
        signal,
        query: { q: q || undefined, limit: 20, sort: 'name' },
      }),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
  });
}
