import { LRUCache } from 'lru-cache';
import { cacheArea, cacheOperations } from '../metrics/process-metrics';
import type { Cache } from './cache';

export function createMemoryCache(maxEntries = 10_000): Cache {
  // Values are stored as JSON text so both implementations hand out copies, never shared objects.
  const lru = new LRUCache<string, string>({ max: maxEntries, ttlAutopurge: false });
  const counters = { hits: 0, misses: 0, errors: 0 };
  return {
    kind: 'memory',
    get<T>(key: string) {
      const raw = lru.get(key);
      if (raw === undefined) {
        counters.misses++;
        cacheOperations.inc({ backend: 'memory', area: cacheArea(key), result: 'miss' });
        return Promise.resolve(undefined);
      }
      counters.hits++;
      cacheOperations.inc({ backend: 'memory', area: cacheArea(key), result: 'hit' });
      return Promise.resolve(JSON.parse(raw) as T);
    },
    set(key, value, ttlMs) {
      lru.set(key, JSON.stringify(value), { ttl: ttlMs });
      return Promise.resolve();
    },
    delete(...keys) {
      for (const key of keys) lru.delete(key);
      return Promise.resolve();
    },
    ping: () => Promise.resolve(),
    stats: () => ({ ...counters }),
    close() {
      lru.clear();
      return Promise.resolve();
    },
  };
}
