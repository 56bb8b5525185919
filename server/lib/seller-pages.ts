import { LRUCache } from 'lru-cache';
import type { RequestContext } from './context';

/**
 * List pages as sellers (viewers) see them, as JSON text, in this process. Sellers read far
 * more than anyone writes, and a list page is a heavy query (each card's published snapshot
 * is unpacked for its counts and freshness): under load, lists were what queued behind each
 * other in the database while cached card reads flew.
 *
 * Keyed by the workspace's content version, read on every request (one indexed query: the
 * time of the newest write event), so a write made through the API shows on the very next
 * list. The TTL bounds staleness for what changes rows without such an event (claims marked
 * stale by monitoring, a new deal's win rate). Editors and admins are never served from here:
 * they see their own writes' effects, which may not have written an event yet.
 */
const PAGE_TTL_MS = 5_000;
const MAX_BYTES = 16 * 1024 * 1024;

export class SellerPages {
  private readonly pages = new LRUCache<string, string>({
    maxSize: MAX_BYTES,
    sizeCalculation: (json) => json.length * 2 + 1,
    ttl: PAGE_TTL_MS,
  });
  /** Pages being built now, by key: concurrent identical requests share one query. */
  private readonly loading = new Map<string, Promise<string>>();

  constructor(private readonly version: (ctx: RequestContext) => Promise<string | null>) {}

  /**
   * The page as JSON text for a viewer (`load`'s result, checked and cached), or undefined for
   * anyone else, who is answered uncached.
   */
  async json(
    ctx: RequestContext,
    list: string,
    query: unknown,
    load: () => Promise<unknown>,
  ): Promise<string | undefined> {
    if (ctx.actor.role !== 'viewer') return undefined;
    const key = JSON.stringify([
      list,
      ctx.workspaceId,
      await this.version(ctx),
      ctx.actor.userId,
      query,
    ]);
    const hit = this.pages.get(key);
    if (hit !== undefined) return hit;
    let pending = this.loading.get(key);
    if (!pending) {
      pending = load()
        .then((page) => {
          const json = JSON.stringify(page);
          this.pages.set(key, json);
          return json;
        })
        .finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }
}
