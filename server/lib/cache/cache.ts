/**
 * A key-value cache with per-entry time-to-live. Values are JSON-serialisable.
 * Implementations: in-process (lru-cache) and Redis, chosen by REDIS_URL; one contract test.
 * An unavailable backend behaves as a miss (reads) or a no-op (writes); ping() reports it.
 */
export interface Cache {
  readonly kind: 'memory' | 'redis';
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(...keys: string[]): Promise<void>;
  /** Resolves when the backend answers; rejects with its error otherwise. */
  ping(): Promise<void>;
  /** Hit/miss counters since start, for metrics and health. */
  stats(): { hits: number; misses: number; errors: number };
  close(): Promise<void>;
}

/** Read-through: returns the cached value or loads, stores and returns it. */
export async function cached<T>(
  cache: Cache,
  key: string,
  ttlMs: number,
  load: () => Promise<T>,
): Promise<T> {
  const hit = await cache.get<T>(key);
  if (hit !== undefined) return hit;
  const value = await load();
  await cache.set(key, value, ttlMs);
  return value;
}
