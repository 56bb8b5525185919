/**
 * A single extra client asking the same URL (or the next of a rotation) every `intervalMs`
 * while the load runs, with the load's headers, so a non-2xx answer under load is reported
 * with its body, not just counted.
 */
export interface ProbeReport {
  requests: number;
  /** Distinct non-2xx or failed answers: "503 {…}" or "error: …", with how many times. */
  problems: { answer: string; count: number }[];
  slowestMs: number;
}

const BODY_CHARS = 300;

export function startProbe(
  url: string | (() => string),
  options: { intervalMs?: number; headers?: Record<string, string> } = {},
): { stop(): Promise<ProbeReport> } {
  const intervalMs = options.intervalMs ?? 500;
  const next = typeof url === 'string' ? () => url : url;
  let running = true;
  let requests = 0;
  let slowestMs = 0;
  const problems = new Map<string, number>();
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      let problem: string | undefined;
      try {
        const response = await fetch(next(), {
          headers: options.headers,
          signal: AbortSignal.timeout(15_000),
        });
        const body = await response.text();
        if (response.status < 200 || response.status > 299) {
          problem = `${response.status} ${body.slice(0, BODY_CHARS)}`;
        }
      } catch (err) {
        problem = `error: ${err instanceof Error ? err.message : String(err)}`;
      }
      const ms = performance.now() - t0;
      requests++;
      slowestMs = Math.max(slowestMs, ms);
      if (problem) problems.set(problem, (problems.get(problem) ?? 0) + 1);
      if (running)
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - ms)));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return {
        requests,
        problems: [...problems].map(([answer, count]) => ({ answer, count })),
        slowestMs: Math.round(slowestMs),
      };
    },
  };
}
