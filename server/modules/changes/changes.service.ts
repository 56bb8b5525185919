import { and, desc, eq, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Change, ChangeSummary, ListChangesQuerySchema } from '../../../common/monitoring';
import type { Page } from '../../../common/pagination';
import { battlecard, change, changeRead, claim, competitor } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { exactTimestamp, olderThanCursor } from '../../lib/keyset';
import { toPage } from '../../lib/pagination';
import { recordAction } from '../audit/audit.service';
import { authorize } from '../auth/auth.policy';
import { visibleCardsCondition } from '../battlecards/battlecards.policy';

/**
 * Detected changes. Read state is per person (what I have seen); dismissal is for the whole
 * workspace (this change is noise, hide it for the team) and is kept on the change itself.
 */

const changeNotFound = () => notFound('Change', 'change_not_found');

const selectionFor = (userId: string) => ({
  row: {
    id: change.id,
    sourceId: change.sourceId,
    url: change.url,
    class: change.class,
    importance: change.importance,
    summary: change.summary,
    priceChanges: change.priceChanges,
    added: change.added,
    removed: change.removed,
    staleClaims: change.staleClaims,
    detectedAt: change.detectedAt,
    dismissedAt: change.dismissedAt,
  },
  detectedKey: exactTimestamp(change.detectedAt),
  competitor: { id: competitor.id, name: competitor.name },
  read: sql<boolean>`exists (select 1 from ${changeRead} where ${changeRead.changeId} = ${change.id}
    and ${changeRead.userId} = ${userId})`,
});

type Row = {
  row: Omit<ChangeSummary, 'competitor' | 'read' | 'dismissed' | 'detectedAt'> & {
    detectedAt: Date;
    dismissedAt: Date | null;
  };
  competitor: { id: string; name: string };
  read: boolean;
};

function present(r: Row): ChangeSummary {
  const { dismissedAt, detectedAt, ...rest } = r.row;
  return {
    ...rest,
    competitor: r.competitor,
    detectedAt: detectedAt.toISOString(),
    read: r.read,
    dismissed: dismissedAt !== null,
  };
}

export async function listChanges(
  ctx: RequestContext,
  query: z.infer<typeof ListChangesQuerySchema>,
): Promise<Page<ChangeSummary>> {
  authorize(ctx, 'content.read');
  const sel = selectionFor(ctx.actor.userId);
  const rows = await ctx.db
    .select(sel)
    .from(change)
    .innerJoin(competitor, eq(competitor.id, change.competitorId))
    .where(
      and(
        eq(change.workspaceId, ctx.workspaceId),
        query.competitorId ? eq(change.competitorId, query.competitorId) : undefined,
        query.class ? eq(change.class, query.class) : undefined,
        query.minImportance !== undefined ? gte(change.importance, query.minImportance) : undefined,
        query.unread === true ? sql`not ${sel.read}` : undefined,
        query.unread === false ? sel.read : undefined,
        query.dismissed === true ? isNotNull(change.dismissedAt) : isNull(change.dismissedAt),
        olderThanCursor(query.cursor, change.detectedAt, change.id),
      ),
    )
    .orderBy(desc(change.detectedAt), desc(change.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.detectedKey, r.row.id], present);
}

export async function getChange(ctx: RequestContext, id: string): Promise<Change> {
  authorize(ctx, 'content.read');
  const [r] = await ctx.db
    .select({
      ...selectionFor(ctx.actor.userId),
      diff: change.diff,
      staleClaimIds: change.staleClaimIds,
      engine: change.engine,
      beforeEvidenceId: change.beforeEvidenceId,
      afterEvidenceId: change.afterEvidenceId,
    })
    .from(change)
    .innerJoin(competitor, eq(competitor.id, change.competitorId))
    .where(and(eq(change.id, id), eq(change.workspaceId, ctx.workspaceId)));
  if (!r) throw changeNotFound();
  const staleClaimList =
    r.staleClaimIds.length === 0
      ? []
      : await ctx.db
          .select({
            id: claim.id,
            text: claim.text,
            stale: claim.stale,
            battlecard: { id: battlecard.id, title: battlecard.title },
          })
          .from(claim)
          .innerJoin(battlecard, eq(battlecard.id, claim.battlecardId))
          .where(
            and(
              eq(claim.workspaceId, ctx.workspaceId),
              inArray(claim.id, r.staleClaimIds),
              // Private cards of others stay out of sight here as everywhere.
              visibleCardsCondition(ctx),
            ),
          );
  return {
    ...present(r),
    diff: r.diff,
    staleClaimList,
    engine: r.engine,
    beforeEvidenceId: r.beforeEvidenceId,
    afterEvidenceId: r.afterEvidenceId,
  };
}

async function requireChange(ctx: RequestContext, id: string): Promise<void> {
  const [row] = await ctx.db
    .select({ id: change.id })
    .from(change)
    .where(and(eq(change.id, id), eq(change.workspaceId, ctx.workspaceId)));
  if (!row) throw changeNotFound();
}

export async function markRead(ctx: RequestContext, id: string, read: boolean): Promise<void> {
  authorize(ctx, 'content.read');
  await requireChange(ctx, id);
  if (read) {
    await ctx.db
      .insert(changeRead)
      .values({ changeId: id, userId: ctx.actor.userId })
      .onConflictDoNothing();
  } else {
    await ctx.db
      .delete(changeRead)
      .where(and(eq(changeRead.changeId, id), eq(changeRead.userId, ctx.actor.userId)));
  }
}

/** Hides a change for the whole workspace (editors): it was noise. */
export async function dismissChange(ctx: RequestContext, id: string, dismissed: boolean) {
  authorize(ctx, 'content.edit');
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(change)
      .set(
        dismissed
          ? { dismissedAt: sql`now()`, dismissedBy: ctx.actor.userId }
          : { dismissedAt: null, dismissedBy: null },
      )
      .where(and(eq(change.id, id), eq(change.workspaceId, ctx.workspaceId)))
      .returning({ id: change.id });
    if (updated.length === 0) throw changeNotFound();
    await recordAction(tx, ctx, dismissed ? 'change.dismissed' : 'change.restored', id);
  });
}
