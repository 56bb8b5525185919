import { eq, sql } from 'drizzle-orm';
import { EVIDENCE_CONTENT_MAX } from '../../../common/competitors';
import { change, evidence, source } from '../../db/schema';
import type { Tx } from '../../lib/db/database';
import type { Services } from '../../services';
import { invalidateCards } from '../battlecards/card-cache';
import { enqueueChangeNotifications } from '../notifications/enqueue-notifications';
import { announceChange } from './announce-change';
import { extractPageText } from './extract-text';
import { applyIgnorePatterns, normaliseForComparison, sha256 } from './normalise';
import { markClaimsStale } from './stale-claims';
import { summarizeChange } from './summarize-change';
import { wordDiff } from './word-diff';

type SourceRow = typeof source.$inferSelect;

export type PageOutcome =
  | { outcome: 'baseline'; snapshotId: string }
  | { outcome: 'unchanged' }
  | {
      outcome: 'changed';
      changeId: string;
      snapshotId: string;
      announced: boolean;
      class: string;
    };

/** What a check compares: the page's readable text after the source's ignore rules. */
export function comparableText(html: string, src: Pick<SourceRow, 'selector' | 'ignoreRules'>) {
  const page = extractPageText(html, {
    selector: src.selector,
    ignoreSelectors: src.ignoreRules.selectors,
  });
  return { title: page.title, ...comparableFromText(page.text, src.ignoreRules.patterns) };
}

/**
 * Text after the ignore patterns, one trimmed line per line, and its comparison hash. A stored
 * snapshot run through it again with new patterns gives what a fresh check would compare.
 */
export function comparableFromText(raw: string, patterns: readonly string[]) {
  const text = applyIgnorePatterns(raw, patterns)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n')
    .slice(0, EVIDENCE_CONTENT_MAX);
  return { text, hash: sha256(normaliseForComparison(text)) };
}

async function insertSnapshot(
  tx: Tx,
  src: SourceRow,
  page: { title: string; text: string },
  url: string,
): Promise<string> {
  const [row] = await tx
    .insert(evidence)
    .values({
      workspaceId: src.workspaceId,
      competitorId: src.competitorId,
      sourceId: src.id,
      kind: 'snapshot',
      title: (page.title || src.label || url).slice(0, 300),
      content: page.text || '(empty page)',
      url,
      contentHash: sha256(page.text),
      wordCount: page.text.split(/\s+/).filter(Boolean).length,
    })
    .returning({ id: evidence.id });
  return row!.id;
}

/**
 * One fetched page of a webpage source → nothing (same normalised text), a first snapshot
 * (baseline), or a change: a new snapshot, a word diff against the previous one, a summary,
 * stale claims, and a `change.detected` event when it matters enough.
 */
export async function detectPageChange(
  services: Services,
  src: SourceRow,
  fetched: { url: string; body: string },
): Promise<PageOutcome> {
  const page = comparableText(fetched.body, src);
  if (src.contentHash === page.hash && src.lastSnapshotId) return { outcome: 'unchanged' };
  const { db } = services.database;

  const previous = src.lastSnapshotId
    ? (
        await db
          .select({ id: evidence.id, content: evidence.content })
          .from(evidence)
          .where(eq(evidence.id, src.lastSnapshotId))
      )[0]
    : undefined;

  if (!previous) {
    const snapshotId = await db.transaction(async (tx) => {
      const id = await insertSnapshot(tx, src, page, fetched.url);
      await tx
        .update(source)
        .set({ contentHash: page.hash, lastSnapshotId: id })
        .where(eq(source.id, src.id));
      return id;
    });
    return { outcome: 'baseline', snapshotId };
  }

  // Rules added since the previous snapshot apply to it too: an ignored line is not a change.
  const { text: before, hash: beforeHash } = comparableFromText(
    previous.content,
    src.ignoreRules.patterns,
  );
  if (beforeHash === page.hash) {
    await db.update(source).set({ contentHash: page.hash }).where(eq(source.id, src.id));
    return { outcome: 'unchanged' };
  }
  const diff = wordDiff(before, page.text);
  const title = page.title || src.label || undefined;
  const summary = await summarizeChange(services, src.workspaceId, {
    before,
    after: page.text,
    ...(title ? { title: title.slice(0, 500) } : {}),
    url: src.url,
    parts: diff.parts,
  });

  const result = await db.transaction(async (tx) => {
    const snapshotId = await insertSnapshot(tx, src, page, fetched.url);
    const stale = await markClaimsStale(tx, {
      workspaceId: src.workspaceId,
      sourceId: src.id,
      url: src.url,
      newText: page.text,
    });
    const [row] = await tx
      .insert(change)
      .values({
        workspaceId: src.workspaceId,
        competitorId: src.competitorId,
        sourceId: src.id,
        beforeEvidenceId: previous.id,
        afterEvidenceId: snapshotId,
        url: src.url,
        class: summary.class,
        importance: summary.importance,
        summary: summary.summary,
        diff: diff.parts,
        added: diff.added,
        removed: diff.removed,
        priceChanges: summary.priceChanges,
        engine: summary.engine,
        staleClaims: stale.claims,
        staleClaimIds: stale.claimIds,
      })
      .returning({ id: change.id });
    // Noise rules + webhook deliveries, committed with the change.
    const notable = await enqueueChangeNotifications(tx, services, row!.id);
    await tx
      .update(source)
      .set({ contentHash: page.hash, lastSnapshotId: snapshotId, lastChangedAt: sql`now()` })
      .where(eq(source.id, src.id));
    return { changeId: row!.id, snapshotId, cardIds: stale.cardIds, notable };
  });

  await invalidateCards(services.cache, result.cardIds);
  const announced = await announceChange(
    services,
    {
      ...summary,
      id: result.changeId,
      workspaceId: src.workspaceId,
      competitorId: src.competitorId,
    },
    result.notable,
  );
  return {
    outcome: 'changed',
    changeId: result.changeId,
    snapshotId: result.snapshotId,
    announced,
    class: summary.class,
  };
}
