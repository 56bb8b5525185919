import { and, eq, sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import type { GenerationAccepted } from '../../../common/ai';
import { aiRun, claim } from '../../db/schema';
import { createLogger } from '../../lib/logger';
import { type Services, closeServices, createServices, randomRedisPrefix } from '../../services';
import { registerOwner } from '../../test/factories';
import { eventually } from '../../test/harness';
import { useTestApp } from '../../test/test-app';
import { type AiEngines, aiEngines, loadAiEngines } from './ai-engines';
import type { Engine } from './contracts';
import { seedQuillpoint } from './test-support/quillpoint';

/**
 * A worker that dies mid-generation: its job stays `active` with nobody working on it. pg-boss
 * maintenance (the scheduler role, here the test app) expires it and the job is retried by a
 * worker that is alive; the card ends with one set of claims and the job completes once.
 * (PGlite cannot be shared with a child process, so the dead worker is a second set of
 * services in this process whose engine never returns — to the database it looks the same.)
 */
const t = useTestApp({
  jobs: { work: false, supervise: true, maintenanceIntervalSeconds: 1 },
});
const workers: Services[] = [];
afterAll(async () => {
  for (const w of workers) await closeServices(w).catch(() => undefined);
});

async function worker(engines: AiEngines): Promise<Services> {
  const services = await createServices(t.config, createLogger('silent'), {
    database: t.services.database,
    redisPrefix: randomRedisPrefix(),
    ai: engines,
  });
  workers.push(services);
  await services.jobs.start({ work: true, supervise: false, pollingIntervalSeconds: 0.5 });
  return services;
}

it('retries a generation whose worker died, and completes it exactly once', async () => {
  const real = await loadAiEngines(t.config, createLogger('silent'));
  let reachedWriter = false;
  // The first writer call never returns: the worker is gone from then on.
  const dying: Engine = {
    ...real.local,
    run(agent, input, signal) {
      if (agent === 'battlecard_writer' && !reachedWriter) {
        reachedWriter = true;
        return new Promise(() => undefined);
      }
      return real.local.run(agent, input, signal);
    },
  };
  await worker(aiEngines(t.config, dying, dying));

  const owner = await registerOwner(t.app);
  const workspaceId = owner.auth.workspace.id;
  const rivalId = await seedQuillpoint(t.services, workspaceId);
  const res = await t.call(owner, 'POST', '/api/v1/battlecards/generate', {
    competitorId: rivalId,
    productSegment: 'Crash test',
  });
  expect(res.statusCode).toBe(202);
  const { jobId, battlecardId } = res.json<GenerationAccepted>();
  await eventually(async () => (reachedWriter ? true : undefined), 30_000, 'the writer stage');
  expect((await t.services.jobs.get(jobId))?.stage).toBe('writing claims');

  // The crashed run's expiry, brought forward instead of waited out (10 minutes in production).
  await t.services.database.db.execute(
    sql`update pgboss.job set started_on = now() - interval '1 hour' where id = ${jobId}::uuid`,
  );
  await worker(real); // a fresh worker joins
  const done = await eventually(
    async () => {
      const job = await t.services.jobs.get(jobId);
      return job?.status === 'completed' || job?.status === 'failed' ? job : undefined;
    },
    60_000,
    'the retried job',
  );
  expect(done).toMatchObject({ status: 'completed', attempts: 2 });
  const runs = await t.db().select().from(aiRun).where(eq(aiRun.battlecardId, battlecardId));
  const completed = runs.filter((r) => r.status === 'completed');
  expect(completed).toHaveLength(1);
  const claims = await t
    .db()
    .select({ id: claim.id })
    .from(claim)
    .where(and(eq(claim.battlecardId, battlecardId), eq(claim.workspaceId, workspaceId)));
  expect(claims.length).toBe(completed[0]!.claimsWritten);
  expect(claims.length).toBeGreaterThan(0);
});
