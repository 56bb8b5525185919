import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { aiCallCache, battlecard, workspace } from '../../server/db/schema';
import { loadConfig } from '../../server/config';
import type { JobContext } from '../../server/lib/jobs/job-kind';
import { createMemoryCache } from '../../server/lib/cache/memory-cache';
import { createLogger } from '../../server/lib/logger';
import { runGeneration } from '../../server/modules/ai/generation/pipeline';
import { closeServices, createServices } from '../../server/services';
import { insertCompetitor, insertEvidence } from '../../server/test/core-factories';
import { nimbuslyDocument as document } from '../lib/nimbusly';
import type { ResultRow, Scenario } from '../lib/scenario';

/** The target: a regeneration with a warm cache takes ≤ 1/20 of a cold one. */
const WARM_MAX_RATIO = 1 / 20;
const COLD_RUNS = 5;
const WARM_RUNS = 15;
/**
 * Warm regenerations run and thrown away before the measured ones, like the warm-up of every
 * HTTP measurement: the first runs of the cached path also pay for compiling it (JIT), which a
 * server that regenerates cards all day has long done.
 */
const WARM_UNMEASURED = 3;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** A timing as a table row (the HTTP columns stay empty: this is one pipeline at a time). */
function row(target: string, samples: number[], baseline = false): ResultRow {
  return {
    target,
    connections: 1,
    baseline,
    reqPerSec: 1000 / (samples.reduce((a, b) => a + b, 0) / samples.length),
    latencyP50Ms: percentile(samples, 50),
    latencyP99Ms: percentile(samples, 95),
    latencyMeanMs: samples.reduce((a, b) => a + b, 0) / samples.length,
    inFlight: 1,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    responses: samples.length,
    statusCodes: {},
    measuredSeconds: samples.reduce((a, b) => a + b, 0) / 1000,
    warmupProblems: { timeouts: 0, errors: 0, non2xx: 0 },
  };
}

/**
 * Generation time on the local engine (PGlite, in this process): the whole pipeline — evidence
 * read, content_analysis per document, profile, writer, citation check, the saving
 * transaction — for a competitor with 10 and with 50 documents of ~5 kB. Cold: the agent-call
 * cache (memory and table) emptied before each run. Warm: the same card regenerated with every
 * agent call cached. The job queue's pick-up delay is not in these figures.
 */
export const generationScenario: Scenario = {
  name: 'generation',
  description: 'battlecard generation p50/p95, local engine, 10 and 50 documents; warm/cold',
  async run(context) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ringside-bench-gen-'));
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      DEMO: 'false',
      JWT_SECRET: randomBytes(48).toString('base64url'),
    });
    const services = await createServices(config, createLogger('silent'));
    const rows: ResultRow[] = [];
    const notes: string[] = [];
    try {
      await services.database.migrate();
      const db = services.database.db;
      const [ws] = await db.insert(workspace).values({ name: 'Bench' }).returning();
      for (const docs of [10, 50]) {
        const rival = await insertCompetitor(services, ws!.id, { name: `Nimbusly ${docs}` });
        for (let i = 0; i < docs; i++) {
          await insertEvidence(services, {
            workspaceId: ws!.id,
            competitorId: rival.id,
            kind: 'webpage',
            title: `Nimbusly page ${i}`,
            content: document(i),
          });
        }
        const [card] = await db
          .insert(battlecard)
          .values({ workspaceId: ws!.id, competitorId: rival.id, title: 'Bench card' })
          .returning();
        const run = async () => {
          const ctx: JobContext = {
            jobId: crypto.randomUUID(),
            attempt: 1,
            workspaceId: ws!.id,
            log: services.log,
            progress: () => Promise.resolve(),
            db: services.database.db,
            publish: () => Promise.resolve(),
            services,
          };
          const started = performance.now();
          await runGeneration(
            services,
            {
              workspaceId: ws!.id,
              battlecardId: card!.id,
              kind: 'generate',
              replaceEdited: false,
              focusAreas: ['pricing'],
              restoreStatus: 'draft',
              requestedBy: null,
            },
            ctx,
            0,
          );
          return performance.now() - started;
        };
        const cold: number[] = [];
        for (let i = 0; i < COLD_RUNS; i++) {
          await db.delete(aiCallCache);
          // An empty fast cache too: a fresh in-process one (this scenario runs without Redis).
          await services.cache.close();
          services.cache = createMemoryCache();
          cold.push(await run());
          context.log(`generation: ${docs} docs cold run ${i + 1}: ${cold.at(-1)!.toFixed(0)} ms`);
        }
        for (let i = 0; i < WARM_UNMEASURED; i++) await run();
        const warm: number[] = [];
        for (let i = 0; i < WARM_RUNS; i++) warm.push(await run());
        rows.push(row(`cold, ${docs} docs × ~5 kB`, cold));
        rows.push(row(`warm, ${docs} docs × ~5 kB`, warm));
        const ratio = percentile(warm, 50) / percentile(cold, 50);
        notes.push(
          `${docs} docs: cold p50 ${percentile(cold, 50).toFixed(0)} ms, p95 ${percentile(cold, 95).toFixed(0)} ms; warm p50 ${percentile(warm, 50).toFixed(1)} ms, p95 ${percentile(warm, 95).toFixed(1)} ms; warm/cold = 1/${(1 / ratio).toFixed(0)} (target ≤ 1/${1 / WARM_MAX_RATIO}: ${ratio <= WARM_MAX_RATIO ? 'met' : 'NOT met'})`,
        );
      }
    } finally {
      await closeServices(services);
      await rm(dataDir, { recursive: true, force: true });
    }
    return { rows, notes };
  },
};
