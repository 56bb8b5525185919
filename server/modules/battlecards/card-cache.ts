import { randomUUID } from 'node:crypto';
import type { CardView } from '../../../common/battlecards';
import type { Cache } from '../../lib/cache/cache';

/**
 * The read-through cache of a battlecard's JSON (without the caller's permissions, which are
 * added per request). Sellers open cards far more often than anyone edits them, so the hot
 * read skips the database. Every write that can change what a card shows — the card, its
 * claims, its competitor's name or logo, evidence its claims cite — must call
 * `invalidateCards` with the affected card ids, after its transaction commits.
 *
 * Each card is cached twice: its working copy (editors) and its published copy (sellers).
 *
 * The race: a read misses, loads the card just before a write commits, and stores it just
 * after the write's invalidation — the stale copy would then live for the whole TTL. Closed
 * with a per-card generation kept in the cache (so it holds across processes on Redis):
 * `invalidateCards` first sets a new generation, then deletes; a loader reads the generation
 * before loading, stores, then reads it again and, if it changed, deletes what it stored and
 * loads once more. Whichever order the steps interleave in, a stale copy is removed: stored
 * before the new generation was set, the write's delete (which comes after it) removes it;
 * stored after, the loader's second read sees the new generation. No compare-and-set needed,
 * and a cache hit costs nothing extra; a miss costs two small cache reads.
 */
export const CARD_CACHE_TTL_MS = 10 * 60 * 1000;
/** Outlives any load by far, so a generation cannot vanish while a loader checks it. */
const GENERATION_TTL_MS = 2 * CARD_CACHE_TTL_MS;

/** The working copy's key (editors' default view). */
export const cardCacheKey = (battlecardId: string) => `card:v2:${battlecardId}`;
/** The published copy's key (what viewers read). */
export const publishedCardCacheKey = (battlecardId: string) => `card:v2:${battlecardId}:published`;
const generationKey = (battlecardId: string) => `card:gen:${battlecardId}`;

export const cardViewCacheKey = (battlecardId: string, view: CardView) =>
  view === 'draft' ? cardCacheKey(battlecardId) : publishedCardCacheKey(battlecardId);

export async function invalidateCards(
  cache: Cache,
  battlecardIds: Iterable<string>,
): Promise<void> {
  const ids = [...new Set(battlecardIds)];
  if (ids.length === 0) return;
  // The new generation first, the deletes after it: the order the race argument above needs.
  const generation = randomUUID();
  await Promise.all(ids.map((id) => cache.set(generationKey(id), generation, GENERATION_TTL_MS)));
  await cache.delete(...ids.flatMap((id) => [cardCacheKey(id), publishedCardCacheKey(id)]));
}

/** Read-through for one cached copy of a card, safe against the race described above. */
export async function readCard<T>(
  cache: Cache,
  battlecardId: string,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  const hit = await cache.get<T>(key);
  if (hit !== undefined) return hit;
  for (let attempt = 1; ; attempt++) {
    const before = await cache.get<string>(generationKey(battlecardId));
    const value = await load();
    await cache.set(key, value, CARD_CACHE_TTL_MS);
    if ((await cache.get<string>(generationKey(battlecardId))) === before) return value;
    // A write committed while this loaded: what was stored may predate it.
    await cache.delete(key);
    // The second load started after that write, so it is at least as new; under a stream of
    // writes, serve it uncached rather than loop.
    if (attempt === 2) return value;
  }
}
