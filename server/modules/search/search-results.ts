import { LRUCache } from 'lru-cache';

/**
 * Pages of search results, as JSON text, in this process. Keys carry the workspace's content
 * version, so a write makes searches fresh again; the TTL bounds staleness for anything that
 * changes rows without an event, and for a long transaction that commits an event time older
 * than one already seen.
 *
 * Kept here rather than in the shared cache: every keystroke of someone typing is a new
 * query, and that long tail must not push battlecards and sessions out of the shared cache.
 * Bounded by size, not count (a page of 100 results is ~50 kB). Each api process keeps its
 * own; the version they key by comes from the shared database.
 */
const RESULT_TTL_MS = 60_000;
const MAX_BYTES = 32 * 1024 * 1024;

export class SearchResults {
  private readonly pages = new LRUCache<string, string>({
    maxSize: MAX_BYTES,
    // UTF-16 code units, two bytes each: close enough to what the strings hold.
    sizeCalculation: (json) => json.length * 2,
    ttl: RESULT_TTL_MS,
  });
  /** Searches being computed now, by key: concurrent identical searches share one. */
  private readonly loading = new Map<string, Promise<string>>();

  /** The cached page, or `load()`'s (once, however many ask at the same time). */
  get(key: string, load: () => Promise<string>): Promise<string> {
    const hit = this.pages.get(key);
    if (hit !== undefined) return Promise.resolve(hit);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = load()
        .then((json) => {
          this.pages.set(key, json);
          return json;
        })
        .finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }
}
