import { eq, sql } from 'drizzle-orm';
import { EVIDENCE_CONTENT_MAX } from '../../../common/competitors';
import { change, evidence, source, workspace } from '../../db/schema';
import type { Tx } from '../../lib/db/database';
import { EVENTS_CHANNEL } from '../../lib/jobs/job-queue';
import type { Services } from '../../services';
import { invalidateCards } from '../battlecards/card-cache';
import { ruleBasedChangeSummary } from './change-rules';
import { extractPageText } from './extract-text';
import { applyIgnorePatterns, normaliseForComparison, sha256 } from './normalise';
import { markClaimsStale } from './stale-claims';
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
  const text = applyIgnorePatterns(page.text, src.ignoreRules.patterns)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n')
    .slice(0, EVIDENCE_CONTENT_MAX);
  return { title: page.title, text, hash: sha256(normaliseForComparison(text)) };
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

  const diff = wordDiff(previous.content, page.text);
  const summary = ruleBasedChangeSummary(diff.parts, page.title || src.label || undefined);

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
        engine: 'local-rules',
        staleClaims: stale.claims,
      })
      .returning({ id: change.id });
    await tx
      .update(source)
      .set({ contentHash: page.hash, lastSnapshotId: snapshotId, lastChangedAt: sql`now()` })
      .where(eq(source.id, src.id));
    const [ws] = await tx
      .select({ threshold: workspace.changeAlertThreshold })
      .from(workspace)
      .where(eq(workspace.id, src.workspaceId));
    return { changeId: row!.id, snapshotId, cardIds: stale.cardIds, threshold: ws?.threshold ?? 1 };
  });

  await invalidateCards(services.cache, result.cardIds);
  const announced = summary.importance >= result.threshold;
  if (announced) {
    await services.pubsub.publish(EVENTS_CHANNEL, {
      type: 'change.detected',
      entity: 'change',
      id: result.changeId,
      workspaceId: src.workspaceId,
      data: {
        competitorId: src.competitorId,
        class: summary.class,
        importance: summary.importance,
        summary: summary.summary,
      },
    });
  }
  return {
    outcome: 'changed',
    changeId: result.changeId,
    snapshotId: result.snapshotId,
    announced,
    class: summary.class,
  };
}
