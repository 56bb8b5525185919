/**
 * `npm run drill:redis-stop`: Redis stops under load and comes back. Promise: reads keep
 * being served (the cache misses to PostgreSQL), quickly; sign-in fails closed (503, as
 * documented: a pause in brute-force limiting is what a guesser waits for); /health/detailed
 * says `degraded` (200); and within 10 s of Redis returning sign-in works and health is
 * `healthy` again, without a restart. Runs against a throwaway PostgreSQL and Redis of its own
 * (without REDIS_URL there is no Redis to lose).
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

export interface RedisStopOptions {
  concurrency?: number;
  warmMs?: number;
  downMs?: number;
}

const RECOVERY_PROMISE_MS = 10_000;
const FAST_MS = 3_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function health(baseUrl: string): Promise<{ status: number; verdict?: string }> {
  try {
    const res = await fetch(`${baseUrl}/health/detailed`, { signal: AbortSignal.timeout(10_000) });
    const body = (await res.json()) as { status?: string };
    return { status: res.status, verdict: body.status };
  } catch (err) {
    return { status: 0, verdict: (err as Error).message };
  }
}

export async function redisStopDrill(options: RedisStopOptions = {}): Promise<DrillReport> {
  const { concurrency = 10, warmMs = 2_000, downMs = 5_000 } = options;
  const report: DrillReport = {
    drill: 'drill:redis-stop',
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
    const login = () =>
      request(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: workload.email, password: workload.password }),
      });
    const loginBefore = await login();
    const healthBefore = await health(baseUrl);
    const load = startLoad(workload.urls, workload.headers, concurrency);
    await sleep(warmMs);

    const stopAt = load.now();
    await redis.stop();
    const downAt = load.now();
    await sleep(500);
    const loginDown = await login();
    const healthDown = await health(baseUrl);
    await sleep(Math.max(0, downMs - (load.now() - downAt)));
    const startAt = load.now();
    await redis.start();
    const upAt = load.now();

    // Recovery: poll until sign-in and health are back (sign-in once a second: it is limited).
    let loginBackMs: number | undefined;
    let healthBackMs: number | undefined;
    let loginAfter: Outcome | undefined;
    while (load.now() - upAt < RECOVERY_PROMISE_MS + 5_000) {
      if (healthBackMs === undefined && (await health(baseUrl)).verdict === 'healthy') {
        healthBackMs = load.now() - upAt;
      }
      if (loginBackMs === undefined) {
        loginAfter = await login();
        if (loginAfter.status === 200) loginBackMs = load.now() - upAt;
      }
      if (loginBackMs !== undefined && healthBackMs !== undefined) break;
      await sleep(loginBackMs === undefined ? 1_000 : 250);
    }
    await sleep(1_000);
    await load.stop();

    const results = load.results;
    const before = results.filter((o) => o.end < stopAt);
    const down = results.filter((o) => o.start >= downAt && o.start < startAt);
    const after = results.filter((o) => o.start >= upAt);
    const downBad = down.filter((o) => o.status !== 200);
    const afterBad = after.filter((o) => o.status !== 200);
    const slowest = Math.max(0, ...down.map((o) => o.end - o.start));
    const alive = ringside.server.exited() === null;
    const fmt = (ms: number | undefined) =>
      ms === undefined ? 'never' : `${(ms / 1000).toFixed(2)} s`;

    report.figures = {
      'sign-in before': loginBefore.status,
      '/health/detailed before': `${healthBefore.status} ${healthBefore.verdict}`,
      'reads before the stop': `${before.length} (${JSON.stringify(tally(before))})`,
      'reads while Redis is down': `${down.length} (${JSON.stringify(tally(down))})`,
      'slowest read while down': `${Math.round(slowest)} ms`,
      'p50 read while down': `${Math.round(
        percentile(
          down.map((o) => o.end - o.start),
          50,
        ),
      )} ms`,
      'sign-in while down': `${loginDown.status} ${loginDown.code ?? ''}`.trim(),
      '/health/detailed while down': `${healthDown.status} ${healthDown.verdict}`,
      'sign-in works again after': fmt(loginBackMs),
      'health healthy again after': fmt(healthBackMs),
      'reads after Redis returned': `${after.length} (${JSON.stringify(tally(after))})`,
      'process still running': alive ? 'yes' : `no (${ringside.server.exited()})`,
    };
    check(report, loginBefore.status === 200, 'sign-in works before');
    check(report, healthBefore.verdict === 'healthy', 'healthy before');
    check(report, down.length > 0, 'the load ran while Redis was down');
    check(
      report,
      downBad.length === 0,
      `reads keep being served while Redis is down (${downBad.length} failed: ${JSON.stringify(tally(downBad))})`,
    );
    check(report, slowest < FAST_MS, `no read slower than ${FAST_MS} ms while Redis is down`);
    check(report, loginDown.status === 503, 'sign-in fails closed (503) while Redis is down');
    check(
      report,
      healthDown.status === 200 && healthDown.verdict === 'degraded',
      '/health/detailed says degraded (200) while Redis is down',
    );
    check(
      report,
      loginBackMs !== undefined && loginBackMs < RECOVERY_PROMISE_MS,
      'sign-in works again within 10 s of Redis returning',
    );
    check(
      report,
      healthBackMs !== undefined && healthBackMs < RECOVERY_PROMISE_MS,
      '/health/detailed is healthy again within 10 s',
    );
    check(report, afterBad.length === 0, 'reads are served after Redis returned');
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
  await runDrills([() => redisStopDrill()]);
}
