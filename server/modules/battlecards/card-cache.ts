import type { Cache } from '../../lib/cache/cache';

/**
 * The read-through cache of a battlecard's JSON (without the caller's permissions, which are
 * added per request). Sellers open cards far more often than anyone edits them, so the hot
 * read skips the database. Every write that can change what a card shows — the card, its
 * claims, its competitor's name or logo, evidence its claims cite — must call
 * `invalidateCards` with the affected card ids, after its transaction commits.
 */
export const CARD_CACHE_TTL_MS = 10 * 60 * 1000;

export const cardCacheKey = (battlecardId: string) => `card:v1:${battlecardId}`;

export async function invalidateCards(
  cache: Cache,
  battlecardIds: Iterable<string>,
): Promise<void> {
  const keys = [...new Set(battlecardIds)].map(cardCacheKey);
  if (keys.length > 0) await cache.delete(...keys);
}
