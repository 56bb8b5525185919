import { and, eq, gte, sql } from 'drizzle-orm';
import { aiRun } from '../../db/schema';
import type { DbOrTx } from '../../lib/db/database';
import { aiRunDuration, aiRuns } from '../../lib/metrics/process-metrics';
import type { CallTally } from './agent-cache';

export type RunKind = 'generate' | 'regenerate' | 'analyze' | 'summarize';

/** Opens a run record (status running); returns its id. */
export async function startRun(
  db: DbOrTx,
  run: {
    workspaceId: string;
    battlecardId?: string | null;
    jobId?: string | null;
    kind: RunKind;
    engine: string;
    model: string;
    fallbackReason?: string | null;
  },
): Promise<string> {
  const [row] = await db
    .insert(aiRun)
    .values({
      workspaceId: run.workspaceId,
      battlecardId: run.battlecardId ?? null,
      jobId: run.jobId ?? null,
      kind: run.kind,
      engine: run.engine,
      model: run.model,
      fallbackReason: run.fallbackReason ?? null,
    })
    .returning({ id: aiRun.id });
  return row!.id;
}

/**
 * Closes the runs of `jobId` still marked running: on a retry they belong to an attempt whose
 * worker died (nothing else leaves a run open), so they failed.
 */
export async function closeAbandonedRuns(db: DbOrTx, jobId: string): Promise<number> {
  const closed = await db
    .update(aiRun)
    .set({ status: 'failed', error: 'The worker stopped during this run; the job was retried.' })
    .where(and(eq(aiRun.jobId, jobId), eq(aiRun.status, 'running')))
    .returning({ id: aiRun.id });
  return closed.length;
}

export interface RunOutcome {
  status: 'completed' | 'failed';
  durationMs: number;
  claimsWritten?: number;
  claimsDropped?: number;
  error?: string;
}

/** Closes a run record with what the engine did and, for a generation, what it wrote. */
export async function finishRun(
  db: DbOrTx,
  id: string,
  tally: CallTally,
  outcome: RunOutcome,
): Promise<void> {
  const [row] = await db
    .update(aiRun)
    .set(closedRun(tally, outcome))
    .where(eq(aiRun.id, id))
    .returning({ kind: aiRun.kind });
  countRun(row?.kind ?? 'unknown', tally, outcome);
}

/** The columns that close a run (for a caller closing it within a larger statement). */
export function closedRun(tally: CallTally, outcome: RunOutcome) {
  return {
    status: outcome.status,
    engine: tally.engine,
    model: tally.model,
    ...(tally.fallbackReason ? { fallbackReason: tally.fallbackReason } : {}),
    durationMs: Math.round(outcome.durationMs),
    tokensIn: tally.tokensIn,
    tokensOut: tally.tokensOut,
    cacheHits: tally.hits,
    cacheMisses: tally.misses,
    claimsWritten: outcome.claimsWritten ?? 0,
    claimsDropped: (outcome.claimsDropped ?? 0) + tally.dropped,
    error: outcome.error?.slice(0, 2000) ?? null,
    finishedAt: sql`now()`,
  };
}

/** The run metrics, once a run's close is committed. */
export function countRun(kind: string, tally: CallTally, outcome: RunOutcome): void {
  const labels = { kind, engine: tally.engine, status: outcome.status };
  aiRuns.inc(labels);
  aiRunDuration.observe(labels, outcome.durationMs / 1000);
}

/** Tokens the workspace spent since midnight UTC: what the daily budget is checked against. */
export async function tokensUsedToday(db: DbOrTx, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ used: sql<string>`coalesce(sum(${aiRun.tokensIn} + ${aiRun.tokensOut}), 0)` })
    .from(aiRun)
    .where(
      and(
        eq(aiRun.workspaceId, workspaceId),
        gte(aiRun.startedAt, sql`date_trunc('day', now() at time zone 'utc') at time zone 'utc'`),
      ),
    );
  return Number(row?.used ?? 0);
}

export interface RunStats {
  runs: number;
  failures: number;
  cacheHits: number;
  cacheMisses: number;
}

/** Runs of the workspace started in the last `sinceMs`, and their cache figures. */
export async function runStats(
  db: DbOrTx,
  workspaceId: string,
  sinceMs: number,
): Promise<RunStats> {
  const since = new Date(Date.now() - sinceMs);
  const [row] = await db
    .select({
      runs: sql<string>`count(*)`,
      failures: sql<string>`count(*) filter (where ${aiRun.status} = 'failed')`,
      cacheHits: sql<string>`coalesce(sum(${aiRun.cacheHits}), 0)`,
      cacheMisses: sql<string>`coalesce(sum(${aiRun.cacheMisses}), 0)`,
    })
    .from(aiRun)
    .where(and(eq(aiRun.workspaceId, workspaceId), gte(aiRun.startedAt, since)));
  return {
    runs: Number(row?.runs ?? 0),
    failures: Number(row?.failures ?? 0),
    cacheHits: Number(row?.cacheHits ?? 0),
    cacheMisses: Number(row?.cacheMisses ?? 0),
  };
}
