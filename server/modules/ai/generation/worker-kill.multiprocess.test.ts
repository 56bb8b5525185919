import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorkerKillDrill } from '../../../../bench/drills/worker-kill-drill';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../../../test/test-database';

/**
 * Crash safety with real processes: a worker (`server/main.ts --role=worker`) is killed with
 * SIGKILL in the middle of a generation, a new one starts, and the job completes exactly once
 * — one completed run, one set of claims, no duplicates, the card not left `generating`.
 * PostgreSQL only: an embedded PGlite database cannot be shared with a child process.
 */
describe.runIf(usingPostgres())('a worker killed mid-generation', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('is replaced, and its generation completes exactly once', async () => {
    const report = await runWorkerKillDrill({
      databaseUrl: db.url!,
      redisUrl: process.env.REDIS_URL,
      documents: 40,
      generationTimeoutSeconds: 20,
    });
    expect(report.killedAt.bossState).toBe('active');
    expect(report.killedAt.stage).toBe('analysing evidence');
    expect(report).toMatchObject({
      job: { status: 'completed', bossState: 'completed', finished: true },
      cardStatus: 'draft',
      completedRuns: 1,
      abandonedRuns: 0,
      duplicateClaims: 0,
      generationJobsForCard: 1,
    });
    expect(report.job.attempts).toBeGreaterThanOrEqual(2);
    expect(report.claims).toBeGreaterThan(0);
    expect(report.claims).toBe(report.claimsWritten);
    expect(report.problems).toEqual([]);
  }, 300_000);
});
