import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CompetitorProfileView,
  GenerateBody,
  GenerationAccepted,
} from '../../../../common/ai';
import type { Battlecard, SectionKey } from '../../../../common/battlecards';
import { ApiError, api } from '../../lib/api';

export type { CompetitorProfileView, GenerationAccepted };

/** A job as GET /api/v1/jobs/:id shows it. */
export interface JobView {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  stage: string;
  progress: number;
  error?: string | null;
}

export function useGenerate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: GenerateBody) =>
      api.post<GenerationAccepted>('/api/v1/battlecards/generate', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['battlecards'] }),
  });
}

export function useRegenerate(battlecardId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ section, replaceEdited }: { section: SectionKey; replaceEdited: boolean }) =>
      api.post<GenerationAccepted>(
        `/api/v1/battlecards/${encodeURIComponent(battlecardId)}/sections/${section}/regenerate`,
        { replaceEdited },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['battlecards'] }),
  });
}

/**
 * A generation followed to its end: the job's stage and percent (GET /api/v1/jobs/:id), and
 * the card's status, which says when it is done even where the job endpoint is not there.
 */
export function useGenerationProgress(accepted: GenerationAccepted | undefined) {
  const job = useQuery({
    queryKey: ['jobs', accepted?.jobId],
    enabled: Boolean(accepted),
    queryFn: async ({ signal }) => {
      try {
        return await api.get<JobView>(`/api/v1/jobs/${accepted!.jobId}`, { signal });
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'completed' || s === 'failed' ? false : 700;
    },
  });
  const card = useQuery({
    queryKey: ['battlecards', 'detail', accepted?.battlecardId],
    enabled: Boolean(accepted),
    queryFn: ({ signal }) =>
      api.get<Battlecard>(`/api/v1/battlecards/${accepted!.battlecardId}`, { signal }),
    refetchInterval: (q) => (q.state.data?.status === 'generating' ? 1000 : false),
  });
  const cardStatus = card.data?.status;
  const jobStatus = job.data?.status;
  const done =
    jobStatus === 'completed' ||
    (cardStatus !== undefined &&
      cardStatus !== 'generating' &&
      cardStatus !== 'failed' &&
      jobStatus !== 'running' &&
      jobStatus !== 'queued');
  const failed = jobStatus === 'failed' || cardStatus === 'failed';
  return {
    stage: job.data?.stage ?? (cardStatus === 'generating' ? 'working' : 'queued'),
    percent: job.data?.progress ?? null,
    done: done && !failed,
    failed,
    error: job.data?.error ?? card.data?.generatedBy?.error ?? null,
  };
}

export function useCompetitorProfile(competitorId: string) {
  return useQuery({
    queryKey: ['competitors', 'profile', competitorId],
    queryFn: ({ signal }) =>
      api.get<CompetitorProfileView>(
        `/api/v1/competitors/${encodeURIComponent(competitorId)}/profile`,
        { signal },
      ),
    staleTime: 30_000,
  });
}
