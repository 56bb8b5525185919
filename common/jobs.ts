import { z } from 'zod';

export const JOB_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const JobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatusSchema>;

/** A background job as people follow it: GET /api/v1/jobs/:id and the `job.*` live events. */
export const JobSchema = z.object({
  id: z.uuid(),
  /** The job kind, e.g. `battlecard.generate`. */
  kind: z.string(),
  status: JobStatusSchema,
  progress: z.number().int().min(0).max(100),
  /** What it is doing now, e.g. `analysing evidence`; `queued`, `completed`, `failed` at the ends. */
  stage: z.string(),
  /** Why the last attempt failed (also while a retry is pending). */
  error: z.string().optional(),
  /** What the job produced, when it completed with a result. */
  result: z.unknown().optional(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().optional(),
  finishedAt: z.iso.datetime().optional(),
});
export type Job = z.infer<typeof JobSchema>;
