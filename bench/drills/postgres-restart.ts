/**
 * `npm run drill:postgres-restart`: PostgreSQL stops under load and comes back. Promise: while
 * it is down the API answers 503 `database_unavailable` quickly (no request hangs beyond a few
 * seconds; no 500, no reset); readiness says 503; the process stays up; and within 10 s of
 * PostgreSQL returning every request succeeds again, without a restart. Runs against a
 * throwaway PostgreSQL and Redis of its own (the embedded database cannot restart apart from
 * the app, so there is no embedded variant).
 */
import { type RunningRingside, startRingside } from '../lib/ringside';
import {
  type Outcome,
  percentile,
  prepareWorkload,
  request,
  startLoad,
  tally,
} from './lib/drill-load';
import { DRILL_ENV, type DrillReport, check, runDrills } from './lib/drill-report';
import { startThrowawayPostgres, startThrowawayRedis } from './lib/throwaway-services';

export interface PostgresRestartOptions {
  concurrency?: number;
  /** Load before PostgreSQL stops. */
  warmMs?: number;
  /** How long PostgreSQL stays down. */
  downMs?: number;
  /** Load after it returns (at least the 10 s of the promise). */
  afterMs?: number;
}

const RECOVERY_PROMISE_MS = 10_000;
/** "Quickly": no request may take longer than this while the database is away. */
const FAST_FAIL_MS = 3_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function postgresRestartDrill(
  options: PostgresRestartOptions = {},
): Promise<DrillReport> {
  const { concurrency = 10, warmMs = 2_000, downMs = 5_000, afterMs = 12_000 } = options;
  const report: DrillReport = {
    drill: 'drill:postgres-restart',
    mode: 'scale',
    figures: {},
    failures: [],
  };
  const pg = await startThrowawayPostgres();
  const redis = await startThrowawayRedis();
  let ringside: RunningRingside | undefined;
  try {
    ringside = await startRingside(
      { DATABASE_URL: pg.url, REDIS_URL: redis.url },
      { env: DRILL_ENV },
    );
    const { baseUrl } = ringside;
    const workload = await prepareWorkload(baseUrl);
    const load = startLoad(workload.urls, workload.headers, concurrency);
    await sleep(warmMs);

    const stopAt = load.now();
    await pg.stop();
    const downAt = load.now();
    // While it is down: readiness, probed like a load balancer would.
    const readyWhileDown: Outcome[] = [];
    while (load.now() - downAt < downMs) {
      readyWhileDown.push(await request(`${baseUrl}/health/ready`));
      await sleep(500);
    }
    const startAt = load.now();
    await pg.start();
    const upAt = load.now();
    await sleep(afterMs);
    const readyAfter = await request(`${baseUrl}/health/ready`);
    await load.stop();

    const results = load.results;
    const before = results.filter((o) => o.end < stopAt);
    const down = results.filter((o) => o.start >= downAt && o.start < startAt);
    const after = results.filter((o) => o.start >= upAt);
    const downBad = down.filter(
      (o) => !(o.status === 200 || (o.status === 503 && o.code === 'database_unavailable')),
    );
    const slowest = Math.max(0, ...down.map((o) => o.end - o.start));
    const failedAfter = after.filter((o) => o.status !== 200);
    const recoveryMs =
      failedAfter.length === 0 ? 0 : Math.max(...failedAfter.map((o) => o.end)) - upAt;
    const lateFailures = after.filter(
      (o) => o.status !== 200 && o.start - upAt > RECOVERY_PROMISE_MS,
    );
    const alive = ringside.server.exited() === null;

    report.figures = {
      'requests before the stop': `${before.length} (${JSON.stringify(tally(before))})`,
      'PostgreSQL stop took': `${Math.round(downAt - stopAt)} ms`,
      'requests while down': `${down.length} (${JSON.stringify(tally(down))})`,
      'slowest answer while down': `${Math.round(slowest)} ms`,
      'p50 answer while down': `${Math.round(
        percentile(
          down.map((o) => o.end - o.start),
          50,
        ),
      )} ms`,
      '/health/ready while down': JSON.stringify(tally(readyWhileDown)),
      'requests after PostgreSQL returned': `${after.length} (${JSON.stringify(tally(after))})`,
      'recovered (last failure after return)': `${(recoveryMs / 1000).toFixed(2)} s`,
      '/health/ready after': readyAfter.status,
      'process still running': alive ? 'yes' : `no (${ringside.server.exited()})`,
    };
    check(report, before.length > 0 && before.every((o) => o.status === 200), 'all 200 before');
    check(report, down.length > 0, 'the load ran while PostgreSQL was down');
    check(
      report,
      down.some((o) => o.code === 'database_unavailable'),
      'requests needing the database answer 503 database_unavailable while it is down',
    );
    check(
      report,
      downBad.length === 0,
      `nothing but 200 or 503 database_unavailable while down (got ${JSON.stringify(tally(downBad))})`,
    );
    check(report, slowest < FAST_FAIL_MS, `no answer slower than ${FAST_FAIL_MS} ms while down`);
    check(
      report,
      readyWhileDown.length > 0 && readyWhileDown.every((o) => o.status === 503),
      '/health/ready is 503 while the database is down',
    );
    check(
      report,
      lateFailures.length === 0 && recoveryMs < RECOVERY_PROMISE_MS,
      'every request succeeds within 10 s of PostgreSQL returning',
    );
    check(
      report,
      after.some((o) => o.status === 200),
      'requests succeed after the return',
    );
    check(report, readyAfter.status === 200, '/health/ready is 200 again');
    check(report, alive, 'the api process survives the outage');
  } catch (err) {
    report.failures.push(`the drill could not run: ${(err as Error).message}`);
    if (ringside) process.stderr.write(ringside.server.output().slice(-4_000));
  } finally {
    await ringside?.stop().catch(() => {});
    await pg.destroy();
    await redis.destroy();
  }
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runDrills([() => postgresRestartDrill()]);
}
