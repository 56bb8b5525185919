export interface StepStats {
  count: number;
  averageMs: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not 2xx, and requests that got no answer. */
  failed: number;
}

const MAX_FAILURES_KEPT = 10;

/** Response times of a scripted drill, per named step (sign in, search, …) and in all. */
export class Steps {
  private readonly times = new Map<string, number[]>();
  /** [when it ended (ms since the first), how long it took] of every request, in order. */
  private readonly timeline: [number, number][] = [];
  private firstAt: number | undefined;
  private readonly failedBy = new Map<string, number>();
  private readonly examples: string[] = [];

  record(step: string, ms: number, status: number, what: string): void {
    let list = this.times.get(step);
    if (!list) this.times.set(step, (list = []));
    list.push(ms);
    const now = performance.now();
    this.firstAt ??= now;
    this.timeline.push([now - this.firstAt, ms]);
    if (status < 200 || status >= 300) {
      this.failedBy.set(step, (this.failedBy.get(step) ?? 0) + 1);
      if (this.examples.length < MAX_FAILURES_KEPT) this.examples.push(`${step}: ${what}`);
    }
  }

  names(): string[] {
    return [...this.times.keys()];
  }

  of(step: string): StepStats {
    return stats(this.times.get(step) ?? [], this.failedBy.get(step) ?? 0);
  }

  total(): StepStats {
    const failed = [...this.failedBy.values()].reduce((a, b) => a + b, 0);
    return stats([...this.times.values()].flat(), failed);
  }

  /**
   * Every step's p99 per `windowMs` of the run, in order: whether a tail is the arrival rush
   * (sign-ins at the start) or spread over the run.
   */
  windows(windowMs: number): { fromMs: number; stats: StepStats }[] {
    const byWindow = new Map<number, number[]>();
    for (const [at, ms] of this.timeline) {
      const key = Math.floor(at / windowMs);
      let list = byWindow.get(key);
      if (!list) byWindow.set(key, (list = []));
      list.push(ms);
    }
    return [...byWindow.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([key, times]) => ({ fromMs: key * windowMs, stats: stats(times, 0) }));
  }

  /** A few failed requests, as status, path and the start of the answer. */
  failures(): string[] {
    return [...this.examples];
  }
}

function stats(times: number[], failed: number): StepStats {
  const sorted = Float64Array.from(times).sort();
  const at = (p: number) =>
    sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return {
    count: sorted.length,
    averageMs: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    failed,
  };
}
