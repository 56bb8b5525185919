import { describe, expect, it } from 'vitest';
import type { DrillReport } from './lib/drill-report';
import { printReport } from './lib/drill-report';
import { postgresRestartDrill } from './postgres-restart';
import { redisStopDrill } from './redis-stop';
import { sigtermDrill } from './sigterm';

/**
 * The fault drills, CI-sized (shorter load phases, same promises). Each starts a throwaway
 * PostgreSQL and Redis of its own; they run in CI's several-processes step (PostgreSQL + Redis
 * available, the suite done), where a TypeScript server process starts in a few seconds.
 */
const ci = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

const expectPass = (report: DrillReport) => {
  printReport(report);
  expect(report.failures, JSON.stringify(report.figures, null, 2)).toEqual([]);
};

describe.skipIf(!ci)('fault drills (CI-sized)', () => {
  it('sigterm: in-flight answered, new ones 503 or refused, exit under 10 s', async () => {
    expectPass(await sigtermDrill('scale', { concurrency: 10, loadMs: 1_500 }));
  }, 180_000);

  it('postgres-restart: 503 database_unavailable while down, recovery within 10 s', async () => {
    expectPass(await postgresRestartDrill({ warmMs: 1_000, downMs: 3_000, afterMs: 4_000 }));
  }, 180_000);

  it('redis-stop: reads served, sign-in fails closed, degraded, recovers', async () => {
    expectPass(await redisStopDrill({ warmMs: 1_000, downMs: 3_000 }));
  }, 180_000);
});
