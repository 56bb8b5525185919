/**
 * At most `max` tasks at once; the rest wait in order. A waiting task whose signal aborts
 * leaves the queue without ever running.
 */
export class ConcurrencyLimiter {
  active = 0;
  private readonly waiting: { start: () => void }[] = [];

  constructor(readonly max: number) {}

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.start();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.active < this.max) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const entry = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          this.active++;
          resolve();
        },
      };
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        const reason: unknown = signal!.reason;
        reject(reason instanceof Error ? reason : new Error('aborted while waiting'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
    });
  }
}
