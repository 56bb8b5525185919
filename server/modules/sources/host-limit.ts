/**
 * At most `limit` checks of one host at a time in this process, so a competitor with forty
 * watched pages is not hit forty times at once (the scheduler also spreads them out).
 */
export class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly limit: number) {}

  async run<T>(host: string, work: () => Promise<T>): Promise<T> {
    const running = this.active.get(host) ?? 0;
    if (running >= this.limit) {
      // The slot is handed over by the check that finishes (see below).
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(host) ?? [];
        queue.push(resolve);
        this.waiting.set(host, queue);
      });
    } else {
      this.active.set(host, running + 1);
    }
    try {
      return await work();
    } finally {
      const queue = this.waiting.get(host);
      const next = queue?.shift();
      if (queue?.length === 0) this.waiting.delete(host);
      if (next) next();
      else {
        const left = (this.active.get(host) ?? 1) - 1;
        if (left <= 0) this.active.delete(host);
        else this.active.set(host, left);
      }
    }
  }

  /** Checks running now for `host`. */
  runningFor(host: string): number {
    return this.active.get(host) ?? 0;
  }
}

export const PER_HOST_CONCURRENCY = 2;
export const hostLimiter = new HostLimiter(PER_HOST_CONCURRENCY);
