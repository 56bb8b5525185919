/**
 * The worker-kill drill: a real worker process (`server/main.ts --role=worker`) is killed with
 * SIGKILL while it runs a generation; a new worker starts; the job must complete exactly once.
 * This process plays the api and scheduler roles (it enqueues through the generation service
 * and runs pg-boss maintenance, which expires the dead run and retries it).
 *
 * Needs PostgreSQL (a child process cannot share an embedded PGlite database) and a migrated,
 * otherwise unused database; Redis is used when given (its keys get a prefix of their own).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { aiRun, battlecard, claim, jobRun, user, workspace } from '../../server/db/schema';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/lib/logger';
import { GenerationService } from '../../server/modules/ai/generation.service';
import { type Services, closeServices, createServices } from '../../server/services';
import { insertCompetitor, insertEvidence } from '../../server/test/core-factories';
import { nimbuslyDocument } from '../lib/nimbusly';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface WorkerKillOptions {
  /** A migrated PostgreSQL database used by nothing else. */
  databaseUrl: string;
  redisUrl?: string;
  /** Evidence documents (~5 kB each) of the competitor: enough that a generation takes time. */
  documents?: number;
  /** GENERATION_TIMEOUT_SECONDS: how long a silent run is given before it is presumed dead. */
  generationTimeoutSeconds?: number;
  /** Longest wait for the job to finish after the kill. */
  recoveryTimeoutMs?: number;
  /** Progress lines for people watching. */
  say?: (line: string) => void;
}

export interface WorkerKillReport {
  documents: number;
  /** Where the job was when the worker was killed. */
  killedAt: { stage: string; percent: number; msAfterStart: number; bossState: string };
  /** From the kill to pg-boss giving the dead run up (expired, queued for a retry). */
  expiredAfterMs: number | null;
  /** From the kill to the job's completion. */
  recoveryMs: number | null;
  job: { status: string; attempts: number; bossState: string; finished: boolean };
  cardStatus: string;
  completedRuns: number;
  abandonedRuns: number;
  claims: number;
  claimsWritten: number | null;
  duplicateClaims: number;
  /** Generation jobs in the drill's workspace (it has this one card). */
  generationJobsForCard: number;
  /** Every broken promise, in words; empty when the drill passed. */
  problems: string[];
}

function startWorker(env: NodeJS.ProcessEnv, output: string[]): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'server/main.ts'), '--role=worker'],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (d: Buffer) => {
    output.push(d.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return child;
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function runWorkerKillDrill(options: WorkerKillOptions): Promise<WorkerKillReport> {
  const say = options.say ?? (() => undefined);
  const documents = options.documents ?? 50;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl ?? '',
    REDIS_PREFIX: `drill-${randomBytes(4).toString('hex')}:`,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    GENERATION_TIMEOUT_SECONDS: String(options.generationTimeoutSeconds ?? 20),
    JOB_MAINTENANCE_SECONDS: '1',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    DEMO: 'false',
  };
  const config = loadConfig(env);
  const services: Services = await createServices(config, createLogger('silent'));
  const output: string[] = [];
  const workers: ChildProcess[] = [];
  try {
    // This process is the scheduler: maintenance every second finds the dead worker's run.
    await services.jobs.start({ work: false, supervise: true, maintenanceIntervalSeconds: 1 });
    const db = services.database.db;
    const [ws] = await db.insert(workspace).values({ name: 'Worker-kill drill' }).returning();
    const [owner] = await db
      .insert(user)
      .values({ email: `drill-${randomUUID()}@example.test`, name: 'Drill', passwordHash: 'x' })
      .returning();
    const rival = await insertCompetitor(services, ws!.id, { name: 'Nimbusly' });
    for (let i = 0; i < documents; i++) {
      await insertEvidence(services, {
        workspaceId: ws!.id,
        competitorId: rival.id,
        kind: 'webpage',
        title: `Nimbusly page ${i}`,
        content: nimbuslyDocument(i),
      });
    }

    say('starting worker 1');
    const first = startWorker(env, output);
    workers.push(first);
    const ctx = {
      actor: { userId: owner!.id, workspaceId: ws!.id, role: 'owner' as const, via: 'session' },
      workspaceId: ws!.id,
      db,
      log: services.log,
      requestId: 'worker-kill-drill',
      ip: '127.0.0.1',
      userAgent: null,
    } as const;
    const accepted = await new GenerationService(services).generate(ctx, {
      competitorId: rival.id,
      productSegment: 'Worker-kill drill',
      focusAreas: ['pricing'],
    });
    const { jobId, battlecardId } = accepted;
    const readJob = async () => (await db.select().from(jobRun).where(eq(jobRun.id, jobId)))[0];
    const bossState = async () => {
      const rows = await services.database.query<{ state: string }>(
        'select state from pgboss.job where id = $1::uuid',
        [jobId],
      );
      return rows.rows[0]?.state ?? 'missing';
    };

    // Wait until the job is well inside its work (analysing the evidence), then kill -9.
    const enqueued = Date.now();
    const running = await until('worker 1 to be inside the generation', 180_000, async () => {
      if (first.exitCode !== null) throw new Error(`worker 1 exited:\n${output.join('')}`);
      const job = await readJob();
      if (job?.finishedAt) return job;
      return job && job.stage === 'analysing evidence' && job.percent >= 15 ? job : undefined;
    });
    first.kill('SIGKILL');
    await exited(first);
    const killedAt = {
      stage: running.stage,
      percent: running.percent,
      msAfterStart: Date.now() - enqueued,
      bossState: await bossState(),
    };
    const killedTime = Date.now();
    say(`killed worker 1 (pid ${first.pid}) at "${killedAt.stage}" ${killedAt.percent}%`);

    say('starting worker 2');
    const second = startWorker(env, output);
    workers.push(second);
    let recoveryMs: number | null = null;
    let expiredAfterMs: number | null = null;
    await until(
      'the job to finish after the kill',
      options.recoveryTimeoutMs ?? 180_000,
      async () => {
        if (second.exitCode !== null) throw new Error(`worker 2 exited:\n${output.join('')}`);
        if (expiredAfterMs === null && (await bossState()) !== 'active') {
          expiredAfterMs = Date.now() - killedTime;
        }
        const job = await readJob();
        return job?.finishedAt ? job : undefined;
      },
    ).then(
      () => (recoveryMs = Date.now() - killedTime),
      (err: unknown) => say(String(err)),
    );
    // A moment for a duplicate run, if there were one, to show itself.
    await new Promise((r) => setTimeout(r, 1_500));

    const job = (await readJob())!;
    const state = await bossState();
    const [card] = await db
      .select({ status: battlecard.status })
      .from(battlecard)
      .where(eq(battlecard.id, battlecardId));
    const runs = await db.select().from(aiRun).where(eq(aiRun.battlecardId, battlecardId));
    const completed = runs.filter((r) => r.status === 'completed');
    const claims = await db
      .select({ section: claim.section, text: claim.text })
      .from(claim)
      .where(and(eq(claim.battlecardId, battlecardId), eq(claim.workspaceId, ws!.id)));
    const distinct = new Set(claims.map((c) => `${c.section}\u0000${c.text}`));
    const [jobsForCard] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobRun)
      .where(and(eq(jobRun.workspaceId, ws!.id), eq(jobRun.kind, 'battlecard.generate')));

    const report: WorkerKillReport = {
      documents,
      killedAt,
      expiredAfterMs,
      recoveryMs,
      job: {
        status:
          job.error && job.finishedAt ? 'failed' : job.finishedAt ? 'completed' : 'unfinished',
        attempts: job.attempts,
        bossState: state,
        finished: Boolean(job.finishedAt),
      },
      cardStatus: card?.status ?? 'missing',
      completedRuns: completed.length,
      abandonedRuns: runs.filter((r) => r.status === 'running').length,
      claims: claims.length,
      claimsWritten: completed[0]?.claimsWritten ?? null,
      duplicateClaims: claims.length - distinct.size,
      generationJobsForCard: jobsForCard?.n ?? 0,
      problems: [],
    };
    const p = report.problems;
    if (killedAt.bossState !== 'active' || running.finishedAt) {
      p.push(`the worker was not killed mid-generation (job was ${killedAt.bossState})`);
    }
    if (report.job.status !== 'completed') p.push(`the job is ${report.job.status}, not completed`);
    if (state !== 'completed') p.push(`pg-boss has the job as ${state}, not completed`);
    if (report.job.attempts < 2) p.push('the job was not retried after the kill');
    if (report.cardStatus === 'generating') p.push('the card is stuck in generating');
    if (report.cardStatus !== 'draft') p.push(`the card is ${report.cardStatus}, not draft`);
    if (report.completedRuns !== 1) p.push(`${report.completedRuns} completed runs, not 1`);
    if (report.abandonedRuns !== 0) p.push(`${report.abandonedRuns} runs left open as running`);
    if (report.claims === 0) p.push('no claims were written');
    if (report.claimsWritten !== null && report.claims !== report.claimsWritten) {
      p.push(`${report.claims} claims on the card, the run wrote ${report.claimsWritten}`);
    }
    if (report.duplicateClaims > 0) p.push(`${report.duplicateClaims} duplicate claims`);
    if (report.generationJobsForCard !== 1) {
      p.push(`${report.generationJobsForCard} generation jobs for the card, not 1`);
    }
    if (p.length > 0) say(`worker output (tail):\n${output.join('').slice(-3000)}`);
    return report;
  } finally {
    for (const w of workers) {
      if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
      await exited(w);
    }
    await closeServices(services);
  }
}
