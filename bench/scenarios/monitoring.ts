import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, gte, sql } from 'drizzle-orm';
import { loadConfig } from '../../server/config';
import { change, evidence, source, workspace } from '../../server/db/schema';
import { createLogger } from '../../server/lib/logger';
import { enqueueDueSources } from '../../server/modules/sources/due-sources';
import { closeServices, createServices } from '../../server/services';
import { insertCompetitor } from '../../server/test/core-factories';
import { startBaseline } from '../lib/baseline';
import { measure } from '../lib/measure';
import { freePort } from '../lib/port';
import type { ResultRow, Scenario } from '../lib/scenario';
import { startServer } from '../lib/server-process';

const SOURCES = 500;
/** Each port of the local site is one host: 20 sources each, what one scheduler scan takes. */
const HOSTS = 25;
/** Every 20th source is a feed; of the pages, every 10th changes each round. */
const FEED_EVERY = 20;
const CHANGED_EVERY = 10;
const ROUNDS = 3;
/** The source.check job's concurrency per worker (server/modules/sources/source-check.ts). */
const CHECK_CONCURRENCY = 4;

const isFeed = (i: number) => i % FEED_EVERY === 1;
const EXPECTED_PAGE_CHANGES = Array.from({ length: SOURCES }, (_, i) => i).filter(
  (i) => !isFeed(i) && i % CHANGED_EVERY === 0,
).length;

function checksRow(target: string, checks: number, seconds: number): ResultRow {
  const perSec = checks / seconds;
  // Mean time a check held one of the worker's slots (Little's law on the round).
  const mean = (CHECK_CONCURRENCY * seconds * 1000) / checks;
  return {
    target,
    connections: CHECK_CONCURRENCY,
    reqPerSec: perSec,
    latencyP50Ms: mean,
    latencyP99Ms: mean,
    latencyMeanMs: mean,
    inFlight: CHECK_CONCURRENCY,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    responses: checks,
    statusCodes: {},
    measuredSeconds: seconds,
    warmupProblems: { timeouts: 0, errors: 0, non2xx: 0 },
  };
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;

/**
 * Monitoring checks per second: 500 sources (475 pages of ~5 kB, every 10th changing each
 * round; 25 RSS feeds gaining a post each round) served by a local site on 25 ports of
 * 127.0.0.1, checked through the real path — the scheduler's scan enqueues `source.check` jobs
 * (jitter off), a pg-boss worker in this process runs them: safe fetch, extraction,
 * normalisation, hash, and for changes the snapshot, word diff, change_summary on the local
 * engine, stale claims and the change row. PGlite. Peak RSS of the worker process is sampled
 * every 50 ms. Baseline: bare Fastify at the same concurrency (the jobs' concurrency, 4).
 */
export const monitoringScenario: Scenario = {
  name: 'monitoring',
  description: 'checks/s for 500 local sources (mixed changed/unchanged/feeds), peak RSS',
  async run(context) {
    const rows: ResultRow[] = [];
    const notes: string[] = [];
    const baseline = await startBaseline();
    try {
      rows.push(
        await measure(
          context,
          {
            server: baseline.server,
            target: 'baseline bare Fastify',
            url: baseline.url,
            connections: CHECK_CONCURRENCY,
            baseline: true,
          },
          notes,
        ),
      );
    } finally {
      await baseline.stop();
    }

    const ports: number[] = [];
    for (let i = 0; i < HOSTS; i++) ports.push(await freePort());
    const site = await startServer({
      name: 'monitoring-site',
      file: 'bench/monitoring-site.ts',
      env: { PORTS: ports.join(','), CHANGED_EVERY: String(CHANGED_EVERY) },
      readyUrl: `http://127.0.0.1:${ports[0]}/round?n=0`,
    });
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ringside-bench-monitoring-'));
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      DEMO: 'false',
      JWT_SECRET: randomBytes(48).toString('base64url'),
      SAFE_FETCH_ALLOW: '127.0.0.1',
    });
    const services = await createServices(config, createLogger('silent'));
    try {
      await services.database.migrate();
      const db = services.database.db;
      const [ws] = await db.insert(workspace).values({ name: 'Bench' }).returning();
      const rivals: { id: string }[] = [];
      for (let c = 0; c < 50; c++) rivals.push(await insertCompetitor(services, ws!.id));
      await db.insert(source).values(
        Array.from({ length: SOURCES }, (_, i) => ({
          workspaceId: ws!.id,
          competitorId: rivals[i % rivals.length]!.id,
          kind: isFeed(i) ? ('feed' as const) : ('webpage' as const),
          url: `http://127.0.0.1:${ports[i % HOSTS]}/${isFeed(i) ? 'feed' : 'page'}/${i}`,
          intervalMinutes: 60,
        })),
      );
      await services.jobs.start({ work: true, supervise: false, pollingIntervalSeconds: 0.5 });

      const round = async (n: number) => {
        await fetch(`http://127.0.0.1:${ports[0]}/round?n=${n}`);
        await db.update(source).set({ nextCheckAt: sql`now()` });
        const started = new Date();
        let peak = process.memoryUsage.rss();
        const sampler = setInterval(() => {
          peak = Math.max(peak, process.memoryUsage.rss());
        }, 50);
        const t0 = performance.now();
        try {
          const enqueued = await enqueueDueSources(services, () => 0);
          if (enqueued !== SOURCES) notes.push(`round ${n}: the scan enqueued ${enqueued}`);
          for (;;) {
            const [done] = await db
              .select({ n: count() })
              .from(source)
              .where(gte(source.lastCheckedAt, started));
            if (done!.n >= SOURCES) break;
            if (performance.now() - t0 > 600_000) throw new Error(`round ${n}: timed out`);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        } finally {
          clearInterval(sampler);
        }
        const seconds = (performance.now() - t0) / 1000;
        const [changes] = await db
          .select({ n: count() })
          .from(change)
          .where(gte(change.detectedAt, started));
        const [snapshots] = await db
          .select({ n: count() })
          .from(evidence)
          .where(and(eq(evidence.kind, 'snapshot'), gte(evidence.capturedAt, started)));
        const [failing] = await db
          .select({ n: count() })
          .from(source)
          .where(eq(source.status, 'failing'));
        return {
          seconds,
          peak,
          changes: changes!.n,
          snapshots: snapshots!.n,
          failing: failing!.n,
        };
      };

      const rssBefore = process.memoryUsage.rss();
      context.log(`monitoring: round 0 (baseline snapshots of ${SOURCES} sources)`);
      const first = await round(0);
      rows.push(checksRow(`first checks (baselines), ${SOURCES} sources`, SOURCES, first.seconds));
      notes.push(
        `round 0: ${SOURCES} first checks in ${first.seconds.toFixed(1)} s = ${(SOURCES / first.seconds).toFixed(1)} checks/s; ${first.snapshots} snapshots; ${first.failing} failing; peak RSS ${mb(first.peak)} (before: ${mb(rssBefore)})`,
      );
      let peak = first.peak;
      for (let n = 1; n <= ROUNDS; n++) {
        context.log(`monitoring: round ${n}`);
        const r = await round(n);
        peak = Math.max(peak, r.peak);
        rows.push(checksRow(`checks round ${n}, ${SOURCES} sources`, SOURCES, r.seconds));
        notes.push(
          `round ${n}: ${(SOURCES / r.seconds).toFixed(1)} checks/s (${r.seconds.toFixed(1)} s); ${r.changes} changes recorded (expected ${EXPECTED_PAGE_CHANGES} pages + ${SOURCES / FEED_EVERY} feed posts), ${r.snapshots} snapshots, ${r.failing} failing; peak RSS ${mb(r.peak)}`,
        );
      }
      notes.push(
        `peak RSS of the worker process (bench + PGlite + pg-boss worker) over all rounds: ${mb(peak)}; vs baseline = checks/s ÷ bare Fastify req/s at ${CHECK_CONCURRENCY} connections`,
      );
    } finally {
      await closeServices(services);
      await site.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
    return { rows, notes };
  },
};
