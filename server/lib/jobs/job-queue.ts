import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { jobRun } from '../../db/schema';
import type { Database, DbOrTx } from '../db/database';
import type { Logger } from '../logger';
import { jobDuration, jobRuns, secondsSince } from '../metrics/process-metrics';
import type { PubSub } from '../pubsub/pubsub';
import type { Services } from '../../services';
import type { JobKind } from './job-kind';
import { drizzleExecutor } from './sql-executor';

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface JobView {
  id: string;
  kind: string;
  workspaceId: string | null;
  status: JobStatus;
  stage: string;
  progress: number;
  attempts: number;
  error: string | null;
  result: unknown;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface EnqueueOptions {
  workspaceId?: string | null;
  /** A second enqueue with the same key returns the first job instead of a new one. */
  idempotencyKey?: string;
  startAfter?: Date;
  /** Overrides the kind's first retry delay for this job (tests shorten webhook backoff). */
  retryDelaySeconds?: number;
}

export interface JobQueueOptions {
  /** Take jobs from the queues (worker role). */
  work: boolean;
  /** Run pg-boss maintenance: expire crashed runs, retry, archive (scheduler role). */
  supervise: boolean;
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
}

/** The channel every live event goes out on; the realtime hub routes them by workspace. */
export const EVENTS_CHANNEL = 'events';

const BOSS_STATE: Record<string, JobStatus> = {
  created: 'queued',
  retry: 'queued',
  active: 'running',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'failed',
};

const MAX_ERROR_LENGTH = 2_000;

/**
 * Typed jobs over pg-boss on the application database (PGlite or PostgreSQL).
 * pg-boss owns delivery, retries with backoff and expiry; the `job_run` row holds what people
 * read: stage, percent, attempts, result or error.
 */
export class JobQueue {
  private readonly kinds = new Map<string, JobKind<never, unknown>>();
  private boss: PgBoss | undefined;
  private working = false;
  private services: Services | undefined;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
    private readonly pubsub?: PubSub,
  ) {}

  /** Handlers receive the process's services in their context (set once by createServices). */
  attach(services: Services): void {
    this.services = services;
  }

  register<P, R>(kind: JobKind<P, R>): this {
    if (this.kinds.has(kind.name)) throw new Error(`job kind ${kind.name} registered twice`);
    this.kinds.set(kind.name, kind as unknown as JobKind<never, unknown>);
    return this;
  }

  get registeredKinds(): string[] {
    return [...this.kinds.keys()];
  }

  async start(options: JobQueueOptions): Promise<void> {
    const { database } = this;
    const boss = new PgBoss({
      db: {
        executeSql: (text, values) =>
          values && values.length > 0 ? database.query(text, values) : database.exec(text),
      },
      supervise: options.supervise,
      schedule: false,
      migrate: true,
      ...(options.maintenanceIntervalSeconds
        ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }
        : {}),
    });
    boss.on('error', (err) => this.log.error({ err }, 'job queue error'));
    await boss.start();
    this.boss = boss;
    await this.createMissingQueues(boss);
    if (options.work) {
      this.working = true;
      for (const kind of this.kinds.values()) {
        for (let i = 0; i < kind.concurrency; i++) {
          await boss.work(
            kind.name,
            {
              includeMetadata: true,
              batchSize: 1,
              pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
            },
            (jobs) => this.runBatch(kind, jobs),
          );
        }
      }
    }
  }

  /**
   * Creates the queues this process needs and that do not exist yet, and brings the settings
   * of existing ones in line with the job kinds. Processes starting at once
   * (cluster mode) race in pg-boss's create_queue and PostgreSQL may pick one as a deadlock
   * victim (40P01); that one waits a moment and tries again.
   */
  private async createMissingQueues(boss: PgBoss): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const existing = new Map((await boss.getQueues()).map((q) => [q.name, q]));
        for (const kind of this.kinds.values()) {
          const settings = {
            retryLimit: kind.retryLimit,
            retryDelay: kind.retryDelaySeconds,
            retryBackoff: kind.retryBackoff,
            expireInSeconds: kind.expireInSeconds,
          };
          const queue = existing.get(kind.name);
          if (!queue) await boss.createQueue(kind.name, { name: kind.name, ...settings });
          // A changed setting (e.g. GENERATION_TIMEOUT_SECONDS) applies to jobs sent from now on.
          else if (
            queue.retryLimit !== settings.retryLimit ||
            queue.retryDelay !== settings.retryDelay ||
            queue.retryBackoff !== settings.retryBackoff ||
            queue.expireInSeconds !== settings.expireInSeconds
          ) {
            await boss.updateQueue(kind.name, { name: kind.name, ...settings });
          }
        }
        return;
      } catch (err) {
        const code = (err as { code?: string }).code;
        const retryable = code === '40P01' || code === '23505' || code === '42P07';
        if (!retryable || attempt >= 8) throw err;
        this.log.warn({ code, attempt }, 'job queues: concurrent creation, trying again');
        await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 200));
      }
    }
  }

  /** Stops taking jobs and waits (up to timeoutMs) for running ones to finish. */
  async stop(timeoutMs = 8_000): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    this.boss = undefined;
    await boss.stop({ graceful: this.working, wait: true, timeout: timeoutMs, close: false });
  }

  /**
   * Enqueues a job through `db` — pass the caller's transaction so the job and the rows that
   * need it commit or roll back together.
   */
  async enqueue<P>(
    db: DbOrTx,
    kind: JobKind<P, unknown>,
    payload: P,
    options: EnqueueOptions = {},
  ): Promise<{ id: string; deduplicated: boolean }> {
    const boss = this.requireBoss();
    if (!this.kinds.has(kind.name)) throw new Error(`job kind ${kind.name} is not registered`);
    const data = kind.payload.parse(payload);
    const id = randomUUID();
    const inserted = await db
      .insert(jobRun)
      .values({
        id,
        kind: kind.name,
        workspaceId: options.workspaceId ?? null,
        idempotencyKey: options.idempotencyKey ?? null,
      })
      .onConflictDoNothing({ target: jobRun.idempotencyKey })
      .returning({ id: jobRun.id });
    if (inserted.length === 0 && options.idempotencyKey) {
      const [existing] = await db
        .select({ id: jobRun.id })
        .from(jobRun)
        .where(eq(jobRun.idempotencyKey, options.idempotencyKey));
      if (existing) return { id: existing.id, deduplicated: true };
    }
    await boss.send(kind.name, data as object, {
      id,
      db: drizzleExecutor(db),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(options.retryDelaySeconds ? { retryDelay: options.retryDelaySeconds } : {}),
    });
    return { id, deduplicated: false };
  }

  /** A job as people see it; `workspaceId` given = only if it belongs to that workspace. */
  async get(id: string, workspaceId?: string): Promise<JobView | undefined> {
    const [row] = await this.database.db.select().from(jobRun).where(eq(jobRun.id, id));
    if (!row) return undefined;
    if (workspaceId !== undefined && row.workspaceId !== workspaceId) return undefined;
    let status: JobStatus;
    const live = this.boss
      ? await this.boss.getJobById(row.kind, id, { includeArchive: true })
      : null;
    if (live) {
      status = BOSS_STATE[live.state] ?? 'queued';
      // A failed attempt records "retrying" just before pg-boss hears of the failure: the
      // attempt is over and the job waits for the next one, as pg-boss says a moment later.
      if (status === 'running' && row.stage === 'retrying') status = 'queued';
    } else if (row.finishedAt) status = row.error ? 'failed' : 'completed';
    else status = row.startedAt ? 'running' : 'queued';
    return {
      id: row.id,
      kind: row.kind,
      workspaceId: row.workspaceId,
      status,
      stage: row.stage,
      progress: row.percent,
      attempts: row.attempts,
      error: row.error,
      result: row.result ?? null,
      createdAt: row.createdAt,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
    };
  }

  /**
   * Whether a job can still finish: `pending` (waiting, running or to be retried), `completed`,
   * `failed` (for good, with its error) or `vanished` (neither pg-boss nor the job table has a
   * live record of it, e.g. purged or lost with a restored database).
   */
  async fate(
    id: string,
  ): Promise<{ fate: 'pending' | 'completed' | 'failed' | 'vanished'; error: string | null }> {
    const boss = this.requireBoss();
    const [row] = await this.database.db.select().from(jobRun).where(eq(jobRun.id, id));
    const live = row ? await boss.getJobById(row.kind, id, { includeArchive: true }) : null;
    // A run expired by pg-boss (its worker died) has no error: the handler never got to say.
    const error = row?.error ?? null;
    if (live) {
      const state = BOSS_STATE[live.state] ?? 'queued';
      if (state === 'failed') return { fate: 'failed', error };
      return { fate: state === 'completed' ? 'completed' : 'pending', error };
    }
    if (row?.finishedAt) return { fate: row.error ? 'failed' : 'completed', error };
    return { fate: 'vanished', error };
  }

  /** Jobs waiting or running, per kind. */
  async depth(): Promise<Record<string, number>> {
    const boss = this.requireBoss();
    const out: Record<string, number> = {};
    for (const name of this.kinds.keys()) {
      out[name] = await boss.getQueueSize(name, { before: 'completed' });
    }
    return out;
  }

  /** Deletes finished job rows older than `olderThanMs`; returns how many. */
  async purgeFinished(olderThanMs: number): Promise<number> {
    const cutoff = new Date(Date.now() - olderThanMs);
    const deleted = await this.database.db
      .delete(jobRun)
      .where(and(isNotNull(jobRun.finishedAt), lt(jobRun.finishedAt, cutoff)))
      .returning({ id: jobRun.id });
    return deleted.length;
  }

  private requireBoss(): PgBoss {
    if (!this.boss) throw new Error('job queue is not started');
    return this.boss;
  }

  private async runBatch(
    kind: JobKind<never, unknown>,
    jobs: PgBoss.JobWithMetadata<unknown>[],
  ): Promise<void> {
    for (const job of jobs) await this.runOne(kind, job);
  }

  private async runOne(kind: JobKind<never, unknown>, job: PgBoss.JobWithMetadata<unknown>) {
    const { db } = this.database;
    const attempt = job.retryCount + 1;
    const [row] = await db
      .update(jobRun)
      .set({
        attempts: attempt,
        stage: 'started',
        percent: 0,
        error: null,
        startedAt: sql`coalesce(${jobRun.startedAt}, now())`,
        updatedAt: sql`now()`,
      })
      .where(eq(jobRun.id, job.id))
      .returning({ workspaceId: jobRun.workspaceId });
    const workspaceId = row?.workspaceId ?? null;
    const log = this.log.child({ jobId: job.id, job: kind.name, attempt });
    const publish = (type: string, data: Record<string, unknown>) =>
      this.pubsub?.publish(EVENTS_CHANNEL, { type, entity: 'job', id: job.id, workspaceId, data });

    const progress = async (stage: string, percent: number) => {
      const clamped = Math.max(0, Math.min(100, Math.round(percent)));
      await db
        .update(jobRun)
        .set({ stage, percent: clamped, updatedAt: sql`now()` })
        .where(eq(jobRun.id, job.id));
      await publish('job.progress', { stage, progress: clamped, status: 'running' });
    };

    const started = performance.now();
    try {
      const payload = kind.payload.parse(job.data);
      if (!this.services) throw new Error('job queue has no services attached');
      const result = await kind.handler(payload, {
        jobId: job.id,
        attempt,
        workspaceId,
        log,
        services: this.services,
        progress,
        db,
        publish: (message) => this.pubsub?.publish(EVENTS_CHANNEL, message) ?? Promise.resolve(),
      });
      await db
        .update(jobRun)
        .set({
          stage: 'completed',
          percent: 100,
          result: result ?? null,
          finishedAt: sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(eq(jobRun.id, job.id));
      log.info({ ms: Math.round(performance.now() - started) }, 'job completed');
      jobRuns.inc({ kind: kind.name, outcome: 'completed' });
      jobDuration.observe({ kind: kind.name, outcome: 'completed' }, secondsSince(started));
      await publish('job.completed', { status: 'completed', progress: 100 });
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, MAX_ERROR_LENGTH);
      const final = attempt > job.retryLimit;
      const outcome = final ? 'failed' : 'retrying';
      jobRuns.inc({ kind: kind.name, outcome });
      jobDuration.observe({ kind: kind.name, outcome }, secondsSince(started));
      await db
        .update(jobRun)
        .set({
          stage: final ? 'failed' : 'retrying',
          error: message,
          ...(final ? { finishedAt: sql`now()` } : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(jobRun.id, job.id));
      log.warn({ err, final }, final ? 'job failed' : 'job failed; will retry');
      await publish(final ? 'job.failed' : 'job.retrying', {
        status: final ? 'failed' : 'queued',
        error: message,
      });
      throw err;
    }
  }
}
