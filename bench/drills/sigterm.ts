/**
 * `npm run drill:sigterm [-- --mode=embedded|scale|both]`: an api process under load gets
 * SIGTERM. Promise: requests in flight at the signal are answered; requests after it get 503
 * (or a refused connection once the port is closed) — never a reset or a hang; the process
 * exits by itself, with code 0, in under 10 s. Scale mode runs against a throwaway PostgreSQL
 * and Redis of its own.
 */
import { type RunningRingside, startRingside } from '../lib/ringside';
import { percentile, prepareWorkload, startLoad, tally } from './lib/drill-load';
import { DRILL_ENV, type DrillReport, check, modesFromArgs, runDrills } from './lib/drill-report';
import { startThrowawayPostgres, startThrowawayRedis } from './lib/throwaway-services';

export interface SigtermOptions {
  concurrency?: number;
  /** Load before the signal. */
  loadMs?: number;
}

const EXIT_PROMISE_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function sigtermDrill(
  mode: 'embedded' | 'scale',
  options: SigtermOptions = {},
): Promise<DrillReport> {
  const { concurrency = 20, loadMs = 3_000 } = options;
  const report: DrillReport = { drill: 'drill:sigterm', mode, figures: {}, failures: [] };
  const pg = mode === 'scale' ? await startThrowawayPostgres() : undefined;
  const redis = mode === 'scale' ? await startThrowawayRedis() : undefined;
  let ringside: RunningRingside | undefined;
  try {
    ringside = await startRingside(
      pg && redis ? { DATABASE_URL: pg.url, REDIS_URL: redis.url } : {},
      { env: { SHUTDOWN_TIMEOUT_MS: String(EXIT_PROMISE_MS), ...DRILL_ENV } },
    );
    const workload = await prepareWorkload(ringside.baseUrl);
    const load = startLoad(workload.urls, workload.headers, concurrency);
    await sleep(loadMs);

    const signalAt = load.now();
    const exit = await ringside.server.stop(EXIT_PROMISE_MS + 5_000);
    const exitMs = load.now() - signalAt;
    await sleep(300); // the load now meets a closed port
    await load.stop();

    const before = load.results.filter((o) => o.end <= signalAt);
    const inFlight = load.results.filter((o) => o.start < signalAt && o.end > signalAt);
    const after = load.results.filter((o) => o.start >= signalAt);
    // Sent before the signal, but the server may not have read it yet: then draining answers
    // 503 shutting_down (retryable). What must not happen is a drop, a hang or another error;
    // and the requests being processed must finish (200s ending after the signal).
    const inFlightBad = inFlight.filter(
      (o) => !(o.status === 200 || (o.status === 503 && o.code === 'shutting_down')),
    );
    const completedAfterSignal = inFlight.filter((o) => o.status === 200);
    // After the signal: 503 (still listening, closing) or refused (port closed). A 200 means
    // the request was already accepted — answered, so fine too.
    // A connection still in the kernel's accept queue when the listening socket closes is
    // reset, not refused — the same thing to a client (nothing was processed; safe to retry),
    // so a reset within 20 ms of the first refusal counts as a refusal, and is reported.
    const refused = after.filter((o) => o.code === 'ECONNREFUSED');
    const portClosedAt = refused.length > 0 ? Math.min(...refused.map((o) => o.end)) : Infinity;
    const resetAtClose = after.filter(
      (o) => o.code === 'ECONNRESET' && Math.abs(o.end - portClosedAt) <= 20,
    );
    const afterBad = after.filter(
      (o) =>
        !(o.status === 503 || o.status === 200 || o.code === 'ECONNREFUSED') &&
        !resetAtClose.includes(o),
    );
    const afterWhileUp = after.filter((o) => o.start < exitMs + signalAt);
    const rel = (ms: number) => `${Math.round(ms - signalAt)} ms`;

    report.figures = {
      'requests before the signal': `${before.length} (${JSON.stringify(tally(before))})`,
      'p99 before the signal': `${Math.round(
        percentile(
          before.map((o) => o.end - o.start),
          99,
        ),
      )} ms`,
      'in flight at the signal': `${inFlight.length} (${JSON.stringify(tally(inFlight))})`,
      'sent after the signal': `${after.length} (${JSON.stringify(tally(after))})`,
      'sent after the signal, before exit': afterWhileUp.length,
      'SIGTERM to exit': `${(exitMs / 1000).toFixed(2)} s (${exit})`,
      'port closed (first refusal)': rel(portClosedAt),
      'reset as the port closed (accept queue)': resetAtClose.length,
      ...(afterBad.length > 0
        ? {
            'unexpected outcomes': afterBad
              .map((o) => `${o.code} sent ${rel(o.start)}, failed ${rel(o.end)}`)
              .join('; '),
          }
        : {}),
    };
    check(
      report,
      before.every((o) => o.status === 200),
      'every request before the signal is 200',
    );
    check(report, inFlight.length > 0, 'requests were in flight at the signal');
    check(
      report,
      inFlightBad.length === 0,
      `requests in flight at the signal are answered: 200, or 503 shutting_down if not yet read (${inFlightBad.length} were not: ${JSON.stringify(tally(inFlightBad))})`,
    );
    check(
      report,
      completedAfterSignal.length > 0,
      'requests in progress at the signal complete with 200',
    );
    check(
      report,
      afterBad.length === 0,
      `requests after the signal get 503 or a refused connection (${afterBad.length} got ${JSON.stringify(tally(afterBad))})`,
    );
    check(report, exit === 'code 0', `the process exits with code 0 (${exit})`);
    check(report, exitMs < EXIT_PROMISE_MS, `the process exits within 10 s`);
  } catch (err) {
    report.failures.push(`the drill could not run: ${(err as Error).message}`);
    if (ringside) process.stderr.write(ringside.server.output().slice(-4_000));
  } finally {
    await ringside?.stop().catch(() => {});
    await pg?.destroy();
    await redis?.destroy();
  }
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const modes = modesFromArgs(process.argv.slice(2), ['embedded', 'scale']);
  await runDrills(modes.map((m) => () => sigtermDrill(m as 'embedded' | 'scale')));
}
