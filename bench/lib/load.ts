import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds measured, after the warm-up. */
  duration: number;
  /** Seconds of load before the measured window, on the same connections; thrown away. */
  warmup: number;
  headers?: Record<string, string>;
  /**
   * The path of each next request (e.g. rotating over many card ids), instead of `url`'s own;
   * `url` then only gives the server.
   */
  nextPath?: () => string;
  /** Seconds before a request counts as timed out (autocannon's default is 10). */
  timeout?: number;
  /** Called when the warm-up ends and the measured window starts. */
  onMeasureStart?(): void;
}

export interface LoadResult {
  /** Answers to requests sent in the measured window ÷ its length (any status). */
  reqPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMeanMs: number;
  /**
   * Requests in flight on average (req/s × mean latency, Little's law). Below `connections`
   * when some connections were not yet connected or sat idle.
   */
  inFlight: number;
  /** Connection errors other than timeouts (resets, refusals). */
  errors: number;
  /** Requests sent in the measured window and not answered within the timeout. */
  timeouts: number;
  /** Answers whose status was not 2xx. */
  non2xx: number;
  responses: number;
  statusCodes: Record<string, number>;
  measuredSeconds: number;
  /** Timeouts, errors and non-2xx answers of requests sent during the warm-up. */
  warmupProblems: { timeouts: number; errors: number; non2xx: number };
}

type Run = Promise<autocannon.Result> & Pick<autocannon.Instance, 'on'>;

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);

/**
 * One autocannon run from this process: warm-up and measurement on the same connections, so
 * the burst of new connections (and any SYN the kernel dropped) falls in the warm-up. Requests
 * are assigned to the window they were *sent* in. `pipelining: 1` keeps one request in flight
 * per connection, so `connections` is the real number of concurrent requests.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const timeoutSeconds = options.timeout ?? 10;
  const t0 = performance.now();
  const cutoff = t0 + options.warmup * 1000;
  let measureStart = cutoff;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  let non2xx = 0;
  const warmupProblems = { timeouts: 0, errors: 0, non2xx: 0 };

  const run = autocannon({
    url: options.url,
    connections: options.connections,
    pipelining: 1,
    duration: options.warmup + options.duration,
    timeout: timeoutSeconds,
    headers: options.headers ?? {},
    ...(options.nextPath
      ? {
          requests: [
            {
              method: 'GET' as const,
              setupRequest: (request: autocannon.Request) => ({
                ...request,
                path: options.nextPath!(),
              }),
            },
          ],
        }
      : {}),
  }) as Run;

  const startTimer = setTimeout(() => {
    measureStart = performance.now();
    options.onMeasureStart?.();
  }, options.warmup * 1000);

  run.on('response', (_client, statusCode, _bytes, responseTime) => {
    const ok = statusCode >= 200 && statusCode < 300;
    if (performance.now() - responseTime < cutoff) {
      if (!ok) warmupProblems.non2xx++;
      return;
    }
    latencies.push(responseTime);
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    if (!ok) non2xx++;
  });
  run.on('reqError', (err: unknown) => {
    const timedOut = err instanceof Error && err.message === 'request timed out';
    const sentAt = performance.now() - (timedOut ? timeoutSeconds * 1000 : 0);
    if (sentAt < cutoff) warmupProblems[timedOut ? 'timeouts' : 'errors']++;
    else if (timedOut) timeouts++;
    else errors++;
  });

  try {
    await run;
  } finally {
    clearTimeout(startTimer);
  }
  const measuredSeconds = Math.max(0.001, (performance.now() - measureStart) / 1000);
  const sorted = Float64Array.from(latencies).sort();
  const reqPerSec = latencies.length / measuredSeconds;
  const latencyMeanMs = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length);
  return {
    reqPerSec,
    latencyMeanMs,
    inFlight: Math.round((reqPerSec * latencyMeanMs) / 1000),
    latencyP50Ms: percentile(sorted, 0.5),
    latencyP99Ms: percentile(sorted, 0.99),
    errors,
    timeouts,
    non2xx,
    responses: latencies.length,
    statusCodes,
    measuredSeconds: Math.round(measuredSeconds * 100) / 100,
    warmupProblems,
  };
}
