import { LRUCache } from 'lru-cache';
import { cacheArea, cacheOperations } from '../metrics/process-metrics';
import type { Cache } from './cache';

/**
 * Marks a string stored as itself rather than as JSON text (JSON text never starts with it):
 * strings are immutable, so they need no copy, and a large one (a cached card's JSON) is
 * handed out without a JSON.parse of the whole thing on every hit.
 */
export const RAW_STRING = '\u0000';

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
      if (raw.startsWith(RAW_STRING)) return Promise.resolve(raw.slice(1) as T);
      return Promise.resolve(JSON.parse(raw) as T);
    },
    set(key, value, ttlMs) {
      const text = typeof value === 'string' ? RAW_STRING + value : JSON.stringify(value);
      lru.set(key, text, { ttl: ttlMs });
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
