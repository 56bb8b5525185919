import { and, eq, inArray, sql } from 'drizzle-orm';
import { EVIDENCE_CONTENT_MAX } from '../../../common/competitors';
import { change, evidence, source, sourceItem } from '../../db/schema';
import type { Services } from '../../services';
import { enqueueChangeNotifications } from '../notifications/enqueue-notifications';
import { announceChange } from './announce-change';
import { sha256 } from './normalise';
import { type FeedItem, parseFeed } from './parse-feed';
import { type RecordedSummary, summarizeChange } from './summarize-change';

/** Items taken from one check: a feed that suddenly lists 5,000 items is not a 5,000-row write. */
export const FEED_ITEMS_PER_CHECK = 50;

type SourceRow = typeof source.$inferSelect;

const contentOf = (item: FeedItem) =>
  (item.text ? `${item.title}\n\n${item.text}` : item.title).slice(0, EVIDENCE_CONTENT_MAX);

/** A feed item is news unless its text says it is about prices, product or hiring. */
function asFeedChange(summary: RecordedSummary): RecordedSummary {
  const generic = summary.class === 'messaging' || summary.class === 'other';
  return generic ? { ...summary, class: 'news' } : summary;
}

/**
 * New feed items → evidence (kind feed_item) and a change each, every item at most once per
 * source: its key (GUID, else link) is claimed in `source_item`, and only a fresh claim adds
 * rows. The first check of a feed is its baseline: the items already published become
 * evidence, not changes (a feed with 50 old posts is not 50 alerts).
 */
export async function storeFeedItems(
  services: Services,
  src: SourceRow,
  xml: string,
): Promise<{ outcome: 'feed'; items: number; added: number; changes: number }> {
  const feed = parseFeed(xml);
  const items = feed.items.slice(0, FEED_ITEMS_PER_CHECK);
  const { db } = services.database;
  const [{ known }] = (await db
    .select({ known: sql<number>`count(*)::int` })
    .from(sourceItem)
    .where(eq(sourceItem.sourceId, src.id))) as [{ known: number }];
  const seen = new Set(
    items.length === 0
      ? []
      : (
          await db
            .select({ key: sourceItem.itemKey })
            .from(sourceItem)
            .where(
              and(
                eq(sourceItem.sourceId, src.id),
                inArray(
                  sourceItem.itemKey,
                  items.map((i) => i.key),
                ),
              ),
            )
        ).map((r) => r.key),
  );
  const fresh = items.filter(
    (i, n) => !seen.has(i.key) && items.findIndex((j) => j.key === i.key) === n,
  );
  const baseline = known === 0;

  // Summaries are written before the transaction: an engine call is too slow to hold it open.
  const summaries = new Map<string, RecordedSummary>();
  if (!baseline) {
    for (const item of fresh) {
      const content = contentOf(item);
      const title = item.title.slice(0, 500);
      summaries.set(
        item.key,
        asFeedChange(
          await summarizeChange(services, src.workspaceId, {
            before: '',
            after: content,
            ...(title ? { title } : {}),
            ...(item.url ? { url: item.url.slice(0, 2048) } : {}),
            parts: [{ op: 'insert', text: content }],
          }),
        ),
      );
    }
  }

  const recorded = await db.transaction(async (tx) => {
    const out: { id: string; summary: RecordedSummary; notable: boolean }[] = [];
    let added = 0;
    for (const item of fresh) {
      const [claimed] = await tx
        .insert(sourceItem)
        .values({ sourceId: src.id, itemKey: item.key })
        .onConflictDoNothing()
        .returning({ key: sourceItem.itemKey });
      if (!claimed) continue;
      const content = contentOf(item);
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
      const summary = summaries.get(item.key);
      if (!summary) continue;
      const [created] = await tx
        .insert(change)
        .values({
          workspaceId: src.workspaceId,
          competitorId: src.competitorId,
          sourceId: src.id,
          beforeEvidenceId: null,
          afterEvidenceId: row!.id,
          url: item.url ?? src.url,
          class: summary.class,
          importance: summary.importance,
          summary: summary.summary,
          diff: [{ op: 'insert', text: content }],
          added: content.split(/\s+/).filter(Boolean).length,
          removed: 0,
          priceChanges: summary.priceChanges,
          engine: summary.engine,
        })
        .returning({ id: change.id });
      // Noise rules + webhook deliveries, committed with the change.
      const notable = await enqueueChangeNotifications(tx, services, created!.id);
      out.push({ id: created!.id, summary, notable });
    }
    if (out.length > 0) {
      await tx
        .update(source)
        .set({ lastChangedAt: sql`now()` })
        .where(eq(source.id, src.id));
    }
    return { added, changes: out };
  });

  for (const c of recorded.changes) {
    await announceChange(
      services,
      { ...c.summary, id: c.id, workspaceId: src.workspaceId, competitorId: src.competitorId },
      c.notable,
    );
  }
  return {
    outcome: 'feed',
    items: items.length,
    added: recorded.added,
    changes: recorded.changes.length,
  };
}
