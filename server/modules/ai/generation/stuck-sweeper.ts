import { and, eq, lt, sql } from 'drizzle-orm';
import { battlecard } from '../../../db/schema';
import { EVENTS_CHANNEL } from '../../../lib/jobs/job-queue';
import type { ScheduledTask } from '../../../lib/scheduler';
import type { Services } from '../../../services';
import type { GenerationInfo } from '../../../../common/battlecards';
import { invalidateCards } from '../../battlecards/card-cache';
import { emptyGeneration } from './save-generation';

/** A card younger than this is left alone: its job may still be on its way to a worker. */
export const STUCK_GRACE_MS = 2 * 60_000;
const SWEEP_EVERY_MS = 60_000;
const BATCH = 200;

export interface SweepOutcome {
  battlecardId: string;
  reason: string;
}

/** Why the card's generation can never finish, or null while it still can. */
async function stuckReason(services: Services, info: GenerationInfo): Promise<string | null> {
  if (!info.jobId) return 'The generation was never queued. Generate the card again.';
  const { fate, error } = await services.jobs.fate(info.jobId);
  switch (fate) {
    case 'pending':
      return null;
    case 'failed':
      // No error of the handler's own: pg-boss gave up on a run whose worker went silent.
      return error
        ? `The generation failed: ${error}`.slice(0, 500)
        : 'The generation stopped: its worker stopped responding on the last attempt. Generate the card again.';
    case 'vanished':
      return 'The generation job was lost (its worker or queue went away). Generate the card again.';
    case 'completed':
      // The job ended but the card was not saved as written: it cannot leave `generating`.
      return 'The generation ended without saving the card. Generate the card again.';
  }
}

/**
 * Cards stuck in `generating` whose job failed for good, finished without them, or vanished
 * become `failed` with a readable reason (and a `battlecard.updated` event). The update is
 * conditional on the card still being `generating` for that same job, so a generation that
 * completes meanwhile, or a new one started since, is never overwritten.
 */
export async function sweepStuckGenerations(
  services: Services,
  olderThanMs = STUCK_GRACE_MS,
): Promise<SweepOutcome[]> {
  const db = services.database.db;
  const cutoff = new Date(Date.now() - olderThanMs);
  const candidates = await db
    .select({
      id: battlecard.id,
      workspaceId: battlecard.workspaceId,
      generatedBy: battlecard.generatedBy,
    })
    .from(battlecard)
    .where(and(eq(battlecard.status, 'generating'), lt(battlecard.updatedAt, cutoff)))
    .limit(BATCH);
  const swept: SweepOutcome[] = [];
  for (const card of candidates) {
    const info = { ...emptyGeneration(), ...((card.generatedBy ?? {}) as Partial<GenerationInfo>) };
    const reason = await stuckReason(services, info);
    if (!reason) continue;
    const sameJob = info.jobId
      ? sql`${battlecard.generatedBy}->>'jobId' = ${info.jobId}`
      : sql`(${battlecard.generatedBy}->>'jobId') is null`;
    const updated = await db
      .update(battlecard)
      .set({
        status: 'failed',
        generatedBy: { ...info, error: reason },
        updatedAt: sql`clock_timestamp()`,
      })
      .where(and(eq(battlecard.id, card.id), eq(battlecard.status, 'generating'), sameJob))
      .returning({ id: battlecard.id });
    if (updated.length === 0) continue;
    await invalidateCards(services.cache, [card.id]);
    await services.pubsub.publish(EVENTS_CHANNEL, {
      type: 'battlecard.updated',
      entity: 'battlecard',
      id: card.id,
      workspaceId: card.workspaceId,
      data: { status: 'failed', error: reason },
    });
    swept.push({ battlecardId: card.id, reason });
  }
  return swept;
}

/** The scheduler's periodic sweep (leader only). */
export function stuckGenerationsTask(services: Services): ScheduledTask {
  return {
    name: 'ai.sweep-stuck-generations',
    everyMs: SWEEP_EVERY_MS,
    async run() {
      const swept = await sweepStuckGenerations(services);
      if (swept.length > 0) {
        services.log.warn({ swept }, 'stuck generations marked failed');
      }
    },
  };
}
