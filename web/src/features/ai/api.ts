import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type {
  CompetitorProfileView,
  GenerateBody,
  GenerationAccepted,
} from '../../../../common/ai';
import type { Battlecard, SectionKey } from '../../../../common/battlecards';
import type { JobEventData } from '../../../../common/realtime';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/api-error';
import { realtime } from '../../lib/realtime';
import { useJobProgress, useRealtimeEvent } from '../../lib/realtime-hooks';
import { type StageArrival, nextStepDelay, recordStage } from './stage-trail';

export type { CompetitorProfileView, GenerationAccepted };

export function useGenerate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: GenerateBody) =>
      api.post<GenerationAccepted>('/api/v1/battlecards/generate', body),
    // Not awaited: the job starts at once and its first events must find the dialog following it.
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['battlecards'] });
    },
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
    // Not awaited: the job starts at once and its first events must find the dialog following it.
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['battlecards'] });
    },
  });
}

/**
 * A generation followed to its end, live: the job's `job.progress` events over /ws (polled
 * from GET /api/v1/jobs/:id only while the socket is down, see useJobProgress), recorded as a
 * trail of stages in the order they arrived. Each stage that arrived stays on screen for at
 * least MIN_STAGE_MS; `done` turns true once the job completed and its last stage was shown.
 */
export function useGenerationProgress(accepted: GenerationAccepted | undefined) {
  const jobId = accepted?.jobId;
  const { job: current, error: jobError, live } = useJobProgress(jobId);
  const job = current?.id === jobId ? current : undefined;
  const [trail, setTrail] = useState<{ jobId?: string; stages: StageArrival[] }>({ stages: [] });
  const [shown, setShown] = useState({ jobId, index: -1, at: 0, finished: false });
  const stages = trail.jobId === jobId ? trail.stages : [];
  const view = shown.jobId === jobId ? shown : { jobId, index: -1, at: 0, finished: false };

  const record = useCallback(
    (stage: string, percent: number) => {
      if (!jobId || stage === 'started' || stage === 'retrying') return;
      setTrail((t) => ({
        jobId,
        stages: recordStage(t.jobId === jobId ? t.stages : [], stage, percent),
      }));
    },
    [jobId],
  );
  // A fast job can report before its POST answer arrives: take up what came meanwhile.
  useEffect(() => {
    if (!jobId) return;
    for (const message of realtime.recent(jobId, 'job.progress')) {
      const data = message.data as Partial<JobEventData>;
      if (data.stage) record(data.stage, data.progress ?? 0);
    }
  }, [jobId, record]);
  // Every event is recorded as it arrives (before React batches renders together).
  useRealtimeEvent('job.progress', (message) => {
    if (message.id !== jobId) return;
    const data = message.data as Partial<JobEventData>;
    if (data.stage) record(data.stage, data.progress ?? 0);
  });
  // Stages read by polling (socket down) or by the first GET join the same trail.
  const jobStage = job?.status === 'running' ? job.stage : undefined;
  const jobPercent = job?.progress ?? 0;
  useEffect(() => {
    if (jobStage) record(jobStage, jobPercent);
  }, [jobStage, jobPercent, record]);

  const card = useQuery({
    queryKey: ['battlecards', 'detail', accepted?.battlecardId],
    enabled: Boolean(accepted),
    queryFn: ({ signal }) =>
      api.get<Battlecard>(`/api/v1/battlecards/${accepted!.battlecardId}`, { signal }),
    // battlecard.updated over /ws refreshes it; poll only while the socket is down.
    refetchInterval: (q) => (!live && q.state.data?.status === 'generating' ? 2000 : false),
  });
  const cardStatus = card.data?.status;
  const failed = job?.status === 'failed' || cardStatus === 'failed';
  // The job is unreadable (e.g. purged): the card's own status says when it is written.
  const jobGone = jobError instanceof ApiError && jobError.status === 404;
  const completed =
    job?.status === 'completed' ||
    (jobGone && cardStatus !== undefined && cardStatus !== 'generating' && !failed);

  useEffect(() => {
    if (!jobId || view.finished) return;
    const delay = nextStepDelay(stages.length, view.index, view.at, Date.now(), completed);
    if (delay === null) return;
    const timer = setTimeout(() => {
      setShown(
        view.index < stages.length - 1
          ? { jobId, index: view.index + 1, at: Date.now(), finished: false }
          : { ...view, finished: true },
      );
    }, delay);
    return () => {
      clearTimeout(timer);
    };
  }, [jobId, stages.length, view, completed]);

  const showing = stages[view.index];
  return {
    stage: showing?.stage ?? (job?.status === 'running' ? job.stage : 'queued'),
    percent: showing ? showing.percent : job ? job.progress : null,
    done: view.finished && completed && !failed,
    failed,
    error: job?.error ?? card.data?.generatedBy?.error ?? null,
    /** Whether updates arrive over the live connection (else they are polled). */
    live,
    /** The stages that arrived, in order. */
    trail: stages,
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
