import { z } from 'zod';
import { SECTION_KEYS } from '../../../../common/battlecard-sections';
import { type JobKind, defineJob } from '../../../lib/jobs/job-kind';
import type { JobQueue } from '../../../lib/jobs/job-queue';
import type { Services } from '../../../services';
import { type GenerationResult, runGeneration } from './pipeline';

export const GeneratePayloadSchema = z.object({
  workspaceId: z.uuid(),
  battlecardId: z.uuid(),
  kind: z.enum(['generate', 'regenerate']),
  /** Only these sections (per-section regenerate); every section when absent. */
  sections: z.array(z.enum(SECTION_KEYS)).min(1).optional(),
  replaceEdited: z.boolean().default(false),
  focusAreas: z.array(z.string().max(120)).max(20).default([]),
  /** The status the card returns to when done. */
  restoreStatus: z.enum(['draft', 'published', 'archived']),
  requestedBy: z.uuid().nullable(),
});
export type GeneratePayload = z.infer<typeof GeneratePayloadSchema>;

export const GENERATE_JOB = 'battlecard.generate';
/** Retries after the first failure; the card goes to `failed` when the last one fails. */
export const GENERATE_RETRY_LIMIT = 2;

const kinds = new WeakMap<JobQueue, JobKind<GeneratePayload, GenerationResult>>();

/**
 * Registers the generation job with this process's services (its handler needs the engines,
 * cache and pub/sub). A run still active after GENERATION_TIMEOUT_SECONDS is presumed crashed
 * (its worker died) and pg-boss retries it; the save is idempotent, so a retry never
 * duplicates. Keep the timeout well above the longest real generation: an expired run that is
 * in fact alive would be run a second time beside it.
 */
export function registerGenerationJob(services: Services): void {
  const kind = defineJob<GeneratePayload, GenerationResult>({
    name: GENERATE_JOB,
    payload: GeneratePayloadSchema,
    retryLimit: GENERATE_RETRY_LIMIT,
    retryDelaySeconds: 2,
    retryBackoff: true,
    expireInSeconds: services.config.jobs.generationTimeoutSeconds,
    concurrency: 2,
    handler: (payload, ctx) => runGeneration(services, payload, ctx, GENERATE_RETRY_LIMIT),
  });
  services.jobs.register(kind);
  kinds.set(services.jobs, kind);
}

/** The generation job kind registered on `jobs` (to enqueue it). */
export function generationJob(jobs: JobQueue): JobKind<GeneratePayload, GenerationResult> {
  const kind = kinds.get(jobs);
  if (!kind) throw new Error(`${GENERATE_JOB} is not registered on this job queue`);
  return kind;
}
