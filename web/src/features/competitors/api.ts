import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Battlecard,
  BattlecardSummary,
  CreateBattlecardBody,
} from '../../../../common/battlecards';
import type {
  Competitor,
  CompetitorTier,
  CreateCompetitorBody,
  CreateEvidenceBody,
  Evidence,
  EvidenceKind,
  EvidenceSummary,
  UpdateCompetitorBody,
} from '../../../../common/competitors';
import type { Page } from '../../../../common/pagination';
import { api } from '../../lib/api';
import { usePagedList } from '../../lib/use-paged-list';

export type {
  BattlecardSummary,
  Competitor,
  CompetitorTier,
  CreateBattlecardBody,
  CreateCompetitorBody,
  CreateEvidenceBody,
  Evidence,
  EvidenceKind,
  EvidenceSummary,
  UpdateCompetitorBody,
};

export type CompetitorSort = 'name' | 'updated';

export interface CompetitorFilters {
  q?: string | undefined;
  tier?: CompetitorTier | undefined;
  tag?: string | undefined;
  sort: CompetitorSort;
}

export interface EvidenceFilters {
  q?: string | undefined;
  kind?: EvidenceKind | undefined;
}

const COMPETITOR_PAGE = 25;
const EVIDENCE_PAGE = 25;

export const competitorKeys = {
  all: ['competitors'] as const,
  list: (filters: CompetitorFilters, pageSize: number) =>
    ['competitors', 'list', filters, pageSize] as const,
  detail: (id: string) => ['competitors', 'detail', id] as const,
};

export const evidenceKeys = {
  all: ['evidence'] as const,
  list: (competitorId: string, filters: EvidenceFilters) =>
    ['evidence', 'list', competitorId, filters] as const,
  detail: (id: string) => ['evidence', 'detail', id] as const,
};

/** Under the `battlecards` prefix, so any battlecard change refreshes the competitor's list. */
export const competitorCardKeys = {
  list: (competitorId: string) => ['battlecards', 'by-competitor', competitorId] as const,
};

const competitorPath = (id: string) => `/api/v1/competitors/${encodeURIComponent(id)}`;
const evidencePath = (id: string) => `/api/v1/evidence/${encodeURIComponent(id)}`;

// ---- competitors ----------------------------------------------------------------------------

/** A page at a time; the previous results stay on screen while a new filter loads. */
export function useCompetitors(filters: CompetitorFilters, pageSize = COMPETITOR_PAGE) {
  return usePagedList<Competitor, CompetitorFilters>({
    queryKey: competitorKeys.list(filters, pageSize),
    path: '/api/v1/competitors',
    filters,
    pageSize,
  });
}

export function useCompetitor(id: string) {
  return useQuery({
    queryKey: competitorKeys.detail(id),
    queryFn: ({ signal }) => api.get<Competitor>(competitorPath(id), { signal }),
  });
}

export function useCreateCompetitor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCompetitorBody) => api.post<Competitor>('/api/v1/competitors', body),
    onSuccess: (created) => {
      queryClient.setQueryData(competitorKeys.detail(created.id), created);
      return queryClient.invalidateQueries({ queryKey: competitorKeys.all });
    },
  });
}

export function useUpdateCompetitor(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCompetitorBody) => api.patch<Competitor>(competitorPath(id), body),
    onSuccess: (updated) => {
      queryClient.setQueryData(competitorKeys.detail(id), updated);
      // Cards and deals show the competitor's name.
      void queryClient.invalidateQueries({ queryKey: ['battlecards'] });
      void queryClient.invalidateQueries({ queryKey: ['deals'] });
      return queryClient.invalidateQueries({ queryKey: competitorKeys.all });
    },
  });
}

/** Deleting a competitor deletes its evidence, battlecards and deals with it. */
export function useDeleteCompetitor(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<undefined>(competitorPath(id)),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: competitorKeys.detail(id) });
      for (const prefix of ['competitors', 'evidence', 'battlecards', 'deals', 'search']) {
        void queryClient.invalidateQueries({ queryKey: [prefix] });
      }
    },
  });
}

// ---- evidence -------------------------------------------------------------------------------

/** Newest first, a page at a time. */
export function useEvidenceList(competitorId: string, filters: EvidenceFilters) {
  return usePagedList<EvidenceSummary, EvidenceFilters>({
    queryKey: evidenceKeys.list(competitorId, filters),
    path: `${competitorPath(competitorId)}/evidence`,
    filters,
    pageSize: EVIDENCE_PAGE,
  });
}

export function useEvidence(id: string) {
  return useQuery({
    queryKey: evidenceKeys.detail(id),
    queryFn: ({ signal }) => api.get<Evidence>(evidencePath(id), { signal }),
  });
}

export function useCreateEvidence(competitorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEvidenceBody) =>
      api.post<Evidence>(`${competitorPath(competitorId)}/evidence`, body),
    onSuccess: (created) => {
      queryClient.setQueryData(evidenceKeys.detail(created.id), created);
      // The competitor's counts and "latest intel" change too.
      void queryClient.invalidateQueries({ queryKey: competitorKeys.all });
      return queryClient.invalidateQueries({ queryKey: evidenceKeys.all });
    },
  });
}

/** Claims that cited the evidence go stale, so battlecards refresh too. */
export function useDeleteEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<undefined>(evidencePath(id)),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: evidenceKeys.detail(id) });
      for (const prefix of ['evidence', 'competitors', 'battlecards', 'search']) {
        void queryClient.invalidateQueries({ queryKey: [prefix] });
      }
    },
  });
}

// ---- the competitor's battlecards -------------------------------------------------------------

/** All cards of one competitor; a competitor has a handful (one per segment), not hundreds. */
export function useCompetitorBattlecards(competitorId: string) {
  return useQuery({
    queryKey: competitorCardKeys.list(competitorId),
    queryFn: ({ signal }) =>
      api.get<Page<BattlecardSummary>>('/api/v1/battlecards', {
        query: { competitorId, limit: 100 },
        signal,
      }),
  });
}

/** Creates an empty draft; the caller opens the editor on it. */
export function useCreateBattlecard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBattlecardBody) => api.post<Battlecard>('/api/v1/battlecards', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: competitorKeys.all });
      return queryClient.invalidateQueries({ queryKey: ['battlecards'] });
    },
  });
}
