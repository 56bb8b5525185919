import { EVENTS_CHANNEL } from '../../../lib/jobs/job-queue';
import type { JobContext } from '../../../lib/jobs/job-kind';
import type { Services } from '../../../services';
import { invalidateCards } from '../../battlecards/card-cache';
import { SECTION_KEYS, type SectionKey } from '../../../../common/battlecard-sections';
import type { GenerationInfo } from '../../../../common/battlecards';
import { AgentCallCache } from '../agent-cache';
import { engineForRun } from '../budget';
import { closeAbandonedRuns, countRun, finishRun } from '../runs';
import type { GeneratePayload } from './generate.job';
import { openGeneration } from './generation-input';
import { emptyGeneration, markGenerationFailed, saveGeneration } from './save-generation';
import { type ReportStage, STAGES } from './stages';
import { writeClaims } from './write-claims';

export interface GenerationResult {
  battlecardId: string;
  runId: string | null;
  claimsWritten: number;
  claimsDropped: number;
  emptySections: SectionKey[];
  engine: 'local' | 'llm';
  model: string;
  fallbackReason: string | null;
  cacheHits: number;
  cacheMisses: number;
}

/**
 * One generation: evidence → facts (content_analysis, per evidence) → profile
 * (competitive_intelligence) → claims (battlecard_writer) → citation check → one saving
 * transaction. Every agent call goes through the agent-call cache. On the last failed attempt
 * the card is marked `failed` with the error, so it never stays `generating`.
 */
export async function runGeneration(
  services: Services,
  payload: GeneratePayload,
  ctx: JobContext,
  retryLimit: number,
): Promise<GenerationResult> {
  const db = services.database.db;
  const started = performance.now();
  const stage: ReportStage = (key, extra = 0) =>
    ctx.progress(STAGES[key][0], STAGES[key][1] + extra);
  let runId: string | null = null;
  let runClosed = false;
  let previous: GenerationInfo | null = null;
  const { engine, tally, fallbackReason } = await engineForRun(services, payload.workspaceId);
  try {
    await stage('collecting');
    // A retry first closes what its dead attempt left open, before it opens its own run.
    if (ctx.attempt > 1) await closeAbandonedRuns(db, ctx.jobId);
    const sections = payload.sections ?? [...SECTION_KEYS];
    const opened = await openGeneration(
      services.database,
      payload.workspaceId,
      payload.battlecardId,
      sections,
      {
        jobId: ctx.jobId,
        kind: payload.kind,
        engine: engine.name,
        model: engine.model,
        fallbackReason,
      },
    );
    if (!opened) throw new Error('The battlecard or its competitor no longer exists.');
    const { input } = opened;
    runId = opened.runId;
    previous = parsePrevious(input.card.generatedBy);
    const { written, evidenceHashes } = await writeClaims({
      db,
      workspaceId: payload.workspaceId,
      agents: new AgentCallCache(services.cache, db),
      engine,
      tally,
      input,
      sections,
      asked: payload.sections,
      focusAreas: payload.focusAreas,
      stage,
    });
    const writtenSections = new Set(written.claims.map((c) => c.section));
    const notes = new Map<SectionKey, string>();
    // Notes of sections not regenerated this time stay; regenerated ones are re-judged.
    for (const note of previous?.emptySections ?? []) {
      if (!sections.includes(note.section)) notes.set(note.section, note.note);
    }
    for (const note of written.emptySections) {
      if (sections.includes(note.section)) notes.set(note.section, note.note);
    }
    for (const section of sections) {
      if (!writtenSections.has(section) && !notes.has(section)) {
        notes.set(section, 'No cited evidence for this section yet — add evidence and regenerate.');
      }
      if (writtenSections.has(section)) notes.delete(section);
    }

    await stage('saving');
    const generatedBy: GenerationInfo = {
      engine: tally.engine,
      model: tally.model,
      fallbackReason: tally.fallbackReason,
      runId,
      jobId: ctx.jobId,
      generatedAt: new Date().toISOString(),
      emptySections: SECTION_KEYS.filter((s) => notes.has(s)).map((s) => ({
        section: s,
        note: notes.get(s)!,
      })),
      error: null,
    };
    const saved = await saveGeneration(services.database, {
      workspaceId: payload.workspaceId,
      battlecardId: payload.battlecardId,
      sections,
      replaceEdited: payload.replaceEdited,
      claims: written.claims,
      opened: opened.claims,
      evidenceHashes,
      status: payload.restoreStatus,
      generatedBy,
      requestedBy: payload.requestedBy,
      run: { id: runId, tally, startedAt: started, claimsDropped: written.droppedClaims },
    });
    if (saved === undefined) throw new Error('The battlecard no longer exists.');
    runClosed = true;
    countRun(payload.kind, tally, saved);
    const { claimsWritten } = saved;
    await invalidateCards(services.cache, [payload.battlecardId]);
    await publishCardUpdated(services, payload, { status: payload.restoreStatus, claimsWritten });
    return {
      battlecardId: payload.battlecardId,
      runId,
      claimsWritten,
      claimsDropped: written.droppedClaims,
      emptySections: generatedBy.emptySections.map((e) => e.section),
      engine: tally.engine,
      model: tally.model,
      fallbackReason: tally.fallbackReason,
      cacheHits: tally.hits,
      cacheMisses: tally.misses,
    };
  } catch (err) {
    const message = describeError(err);
    // A run the save closed as completed stays so (the card is saved) whatever fails after.
    if (runId && !runClosed) {
      await finishRun(db, runId, tally, {
        status: 'failed',
        durationMs: performance.now() - started,
        error: message,
      }).catch((e: unknown) => ctx.log.warn({ err: e }, 'could not close the run record'));
    }
    if (ctx.attempt > retryLimit) {
      await markGenerationFailed(db, payload.workspaceId, payload.battlecardId, previous, message);
      await invalidateCards(services.cache, [payload.battlecardId]);
      await publishCardUpdated(services, payload, { status: 'failed', error: message });
    }
    throw err;
  }
}

/**
 * What went wrong, fit to show on the card: a database error's own message, not the query
 * text (with its parameters) the driver wraps it in.
 */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err).slice(0, 500);
  const cause = err.cause;
  const message =
    err.message.startsWith('Failed query') && cause instanceof Error ? cause.message : err.message;
  return message.slice(0, 500);
}

function parsePrevious(stored: unknown): GenerationInfo | null {
  if (!stored || typeof stored !== 'object') return null;
  return { ...emptyGeneration(), ...(stored as Partial<GenerationInfo>) };
}

function publishCardUpdated(
  services: Services,
  payload: GeneratePayload,
  data: Record<string, unknown>,
): Promise<void> {
  return services.pubsub.publish(EVENTS_CHANNEL, {
    type: 'battlecard.updated',
    entity: 'battlecard',
    id: payload.battlecardId,
    workspaceId: payload.workspaceId,
    data,
  });
}
