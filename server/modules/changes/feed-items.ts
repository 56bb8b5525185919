import { and, eq } from 'drizzle-orm';
import { EVIDENCE_CONTENT_MAX } from '../../../common/competitors';
import { evidence, type source, sourceItem } from '../../db/schema';
import type { Services } from '../../services';
import { sha256 } from './normalise';
import { parseFeed } from './parse-feed';

/** Items taken from one check: a feed that suddenly lists 5,000 items is not a 5,000-row write. */
export const FEED_ITEMS_PER_CHECK = 50;

/**
 * New feed items → evidence (kind feed_item), each at most once per source: the item's key
 * (GUID, else link) is claimed in `source_item` first, and only a fresh claim adds evidence.
 */
export async function storeFeedItems(
  services: Services,
  src: typeof source.$inferSelect,
  xml: string,
): Promise<{ outcome: 'feed'; items: number; added: number }> {
  const feed = parseFeed(xml);
  const items = feed.items.slice(0, FEED_ITEMS_PER_CHECK);
  let added = 0;
  await services.database.db.transaction(async (tx) => {
    for (const item of items) {
      const [claimed] = await tx
        .insert(sourceItem)
        .values({ sourceId: src.id, itemKey: item.key })
        .onConflictDoNothing()
        .returning({ key: sourceItem.itemKey });
      if (!claimed) continue;
      const content = (item.text ? `${item.title}\n\n${item.text}` : item.title).slice(
        0,
        EVIDENCE_CONTENT_MAX,
      );
      const [row] = await tx
        .insert(evidence)
        .values({
          workspaceId: src.workspaceId,
          competitorId: src.competitorId,
          sourceId: src.id,
          kind: 'feed_item',
          title: item.title.slice(0, 300),
          content,
          url: item.url,
          publishedAt: item.publishedAt,
          contentHash: sha256(content),
          wordCount: content.split(/\s+/).filter(Boolean).length,
        })
        .returning({ id: evidence.id });
      await tx
        .update(sourceItem)
        .set({ evidenceId: row!.id })
        .where(and(eq(sourceItem.sourceId, src.id), eq(sourceItem.itemKey, item.key)));
      added++;
    }
  });
  return { outcome: 'feed', items: items.length, added };
}
