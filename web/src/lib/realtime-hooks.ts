import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Job } from '../../../common/jobs';
import type { JobEventData } from '../../../common/realtime';
import { api } from './api';
import {
  type RealtimeHandler,
  type RealtimeMessage,
  type RealtimeStatus,
  realtime,
} from './realtime';
import { queryRootsOf } from './realtime-policy';

export type { Job, RealtimeMessage, RealtimeStatus };

export const jobKeys = {
  detail: (id: string) => ['jobs', id] as const,
};

/** The one generic reaction to live events: whatever they touch is refetched when in view. */
function invalidateFor(queryClient: QueryClient, message: RealtimeMessage): void {
  for (const root of queryRootsOf(message)) {
    void queryClient.invalidateQueries({ queryKey: [root] });
  }
}

/**
 * Keeps the tab's live connection open while `sessionKey` (user and workspace) is set, and
 * closes it when it changes or the caller unmounts. Mount once, in the signed-in layout.
 * `onAccessChanged` runs when the server says this member's role or status changed.
 */
export function useRealtimeConnection(sessionKey: string | null, onAccessChanged?: () => void) {
  const queryClient = useQueryClient();
  const accessChanged = useRef(onAccessChanged);
  accessChanged.current = onAccessChanged;
  useEffect(() => {
    if (!sessionKey) return;
    const offAny = realtime.on('*', (message) => {
      invalidateFor(queryClient, message);
    });
    const offAccess = realtime.on('member.access_changed', () => accessChanged.current?.());
    // Events missed while disconnected cannot be replayed: refetch what is on screen.
    realtime.onReconnected = () => void queryClient.invalidateQueries();
    realtime.start();
    return () => {
      offAny();
      offAccess();
      realtime.onReconnected = undefined;
      realtime.stop();
    };
  }, [sessionKey, queryClient]);
}

/** Runs `handler` for each live event of `type` (`*` for all); the latest handler is used. */
export function useRealtimeEvent(type: string, handler: RealtimeHandler): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(
    () =>
      realtime.on(type, (message) => {
        latest.current(message);
      }),
    [type],
  );
}

/** Whether the live connection is up, for indicators and fallbacks. */
export function useRealtimeStatus(): RealtimeStatus {
  return useSyncExternalStore(
    (listener) => realtime.onStatus(listener),
    () => realtime.status,
    () => 'offline' as const,
  );
}

const FALLBACK_POLL_MS = 2_000;
const JOB_EVENTS = ['job.progress', 'job.completed', 'job.failed', 'job.retrying'] as const;
const finished = (job: Job | undefined) => job?.status === 'completed' || job?.status === 'failed';

/**
 * A job followed live: GET /api/v1/jobs/:id once, then `job.*` events over /ws update it in
 * place. While the socket is down the job is polled instead, until it finishes. When it
 * finishes it is read once more for its result.
 */
export function useJobProgress(jobId: string | null | undefined) {
  const queryClient = useQueryClient();
  const status = useRealtimeStatus();
  const query = useQuery({
    queryKey: jobKeys.detail(jobId ?? 'none'),
    queryFn: ({ signal }) => api.get<Job>(`/api/v1/jobs/${encodeURIComponent(jobId!)}`, { signal }),
    enabled: Boolean(jobId),
    staleTime: Infinity,
    refetchInterval: (q) =>
      status !== 'open' && !finished(q.state.data) ? FALLBACK_POLL_MS : false,
  });

  useEffect(() => {
    if (!jobId) return;
    const key = jobKeys.detail(jobId);
    const offs = JOB_EVENTS.map((type) =>
      realtime.on(type, (message) => {
        if (message.id !== jobId) return;
        const data = message.data as Partial<JobEventData>;
        queryClient.setQueryData<Job>(key, (job) =>
          job
            ? {
                ...job,
                status: data.status ?? job.status,
                stage: data.stage ?? (type === 'job.completed' ? 'completed' : job.stage),
                progress: data.progress ?? job.progress,
                ...(data.error ? { error: data.error } : {}),
              }
            : job,
        );
        // The result (and exact timestamps) come with the final read.
        if (type === 'job.completed' || type === 'job.failed') {
          void queryClient.invalidateQueries({ queryKey: key });
        }
      }),
    );
    return () => {
      for (const off of offs) off();
    };
  }, [jobId, queryClient]);

  return { job: query.data, error: query.error, live: status === 'open' };
}
