import type { z } from 'zod';
import type { Db } from '../db/database';
import type { Logger } from '../logger';
import type { Services } from '../../services';

export interface JobContext {
  jobId: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  workspaceId: string | null;
  log: Logger;
  /** The process's services (database, cache, pubsub, config…), for handlers that need them. */
  services: Services;
  /** Records the current stage and percent (0–100), readable by id and pushed live. */
  progress(stage: string, percent: number): Promise<void>;
  /** The application database (jobs are not tied to a request, so no workspace scoping). */
  db: Db;
  /** Publishes a live event `{ type, entity, id, workspaceId, data }` on the events channel. */
  publish(message: {
    type: string;
    entity: string;
    id: string;
    workspaceId: string | null;
    data: Record<string, unknown>;
  }): Promise<void>;
}

/** A typed kind of background job: a queue name, a validated payload and its handler. */
export interface JobKind<P = unknown, R = unknown> {
  name: string;
  payload: z.ZodType<P>;
  /** Retries after the first failure (pg-boss retryLimit). */
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** A run still active after this long is presumed crashed and retried (crash recovery). */
  expireInSeconds: number;
  /** Parallel runs of this kind per worker process. */
  concurrency: number;
  handler(payload: P, ctx: JobContext): Promise<R>;
}

export function defineJob<P, R>(
  kind: Pick<JobKind<P, R>, 'name' | 'payload' | 'handler'> & Partial<JobKind<P, R>>,
): JobKind<P, R> {
  if (!/^[a-z][a-z0-9_.-]*$/.test(kind.name)) throw new Error(`bad job name ${kind.name}`);
  return {
    retryLimit: 3,
    retryDelaySeconds: 5,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
    concurrency: 1,
    ...kind,
  };
}
