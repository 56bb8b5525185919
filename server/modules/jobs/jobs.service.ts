import type { Job } from '../../../common/jobs';
import type { RequestContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import type { JobQueue, JobView } from '../../lib/jobs/job-queue';

/** A job of the caller's workspace; another workspace's job (or a system job) is not found. */
export async function getJob(ctx: RequestContext, jobs: JobQueue, id: string): Promise<Job> {
  const view = await jobs.get(id, ctx.workspaceId);
  if (!view) throw notFound('Job');
  return presentJob(view);
}

export function presentJob(view: JobView): Job {
  return {
    id: view.id,
    kind: view.kind,
    status: view.status,
    progress: view.progress,
    stage: view.stage,
    ...(view.error ? { error: view.error } : {}),
    ...(view.result !== null && view.result !== undefined ? { result: view.result } : {}),
    createdAt: view.createdAt.toISOString(),
    ...(view.startedAt ? { startedAt: view.startedAt.toISOString() } : {}),
    ...(view.finishedAt ? { finishedAt: view.finishedAt.toISOString() } : {}),
  };
}
