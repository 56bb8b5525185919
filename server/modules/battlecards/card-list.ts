import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { BattlecardSummary, ListBattlecardsQuerySchema } from '../../../common/battlecards';
import type { Page } from '../../../common/pagination';
import { battlecard, battlecardVersion, competitor, evidence } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { escapeLike, exactTimestamp, olderThanCursor } from '../../lib/keyset';
import { toPage } from '../../lib/pagination';
import { cardViewFor, visibleCardsCondition } from './battlecards.policy';
import { cardColumns, cardOwner } from './card-read';
import { presentSummary } from './present';

type ListQuery = z.infer<typeof ListBattlecardsQuerySchema>;

/** The card's latest published version; none before the first publish. */
const latestVersion = and(
  eq(battlecardVersion.battlecardId, battlecard.id),
  eq(battlecardVersion.version, battlecard.version),
);

const draftClaims = sql<number>`(select count(*)::int from claim c where c.battlecard_id = ${battlecard.id})`;
const draftStaleClaims = sql<number>`(select count(*)::int from claim c where c.battlecard_id = ${battlecard.id} and c.stale)`;
const draftNewestEvidenceAt = sql`(
  select max(e.captured_at) from claim c
  cross join jsonb_array_elements(c.citations) as cited
  join evidence e on e.id = (cited->>'evidenceId')::uuid and e.workspace_id = ${battlecard.workspaceId}
  where c.battlecard_id = ${battlecard.id})`;

const workingCopy = {
  title: battlecard.title,
  segment: battlecard.segment,
  hasUnpublishedChanges: cardColumns.hasUnpublishedChanges,
  claimCount: draftClaims,
  staleClaims: draftStaleClaims,
  newestEvidenceAt: draftNewestEvidenceAt.mapWith(evidence.capturedAt),
};

/** The claims of the latest version's snapshot, each a jsonb `published.claim`. */
const snapshotClaims = sql`jsonb_array_elements(${battlecardVersion.sections}) as section(body)
  cross join jsonb_array_elements(section.body->'claims') as published(claim)`;

/** Before the first publish (no version joined), sellers read the draft: its numbers. */
const publishedCopy = {
  title: sql<string>`coalesce(${battlecardVersion.title}, ${battlecard.title})`,
  segment: sql<string>`coalesce(${battlecardVersion.segment}, ${battlecard.segment})`,
  hasUnpublishedChanges: sql<boolean>`(${battlecard.version} = 0 and ${cardColumns.hasUnpublishedChanges})`,
  claimCount: sql<number>`coalesce(${battlecardVersion.claimCount}, ${draftClaims})`,
  // A claim still on the card is as stale as it is now; a deleted one as it was published.
  staleClaims: sql<number>`case when ${battlecardVersion.version} is null then ${draftStaleClaims}
    else (select count(*)::int from ${snapshotClaims}
      left join claim c on c.id = (published.claim->>'id')::uuid
        and c.battlecard_id = ${battlecard.id}
      where coalesce(c.stale, (published.claim->>'stale')::boolean)) end`,
  newestEvidenceAt: sql<Date | null>`case when ${battlecardVersion.version} is null
    then ${draftNewestEvidenceAt}
    else (select max((cited->>'capturedAt')::timestamptz) from ${snapshotClaims}
      cross join jsonb_array_elements(published.claim->'citations') as cited) end`.mapWith(
    evidence.capturedAt,
  ),
};

/**
 * The card list, one query. Each card is summed up as the caller reads it on opening it
 * (`cardViewFor`): editors its working copy; sellers a published card's latest version — its
 * title, segment and claim count, and freshness from its claims with their live stale marks,
 * as the card view computes it — and a never-published card's draft.
 *
 * Per-card aggregates are correlated subqueries: PostgreSQL evaluates them after the sort and
 * limit, so only for the rows of the page.
 */
export async function listCards(
  ctx: RequestContext,
  query: ListQuery,
): Promise<Page<BattlecardSummary>> {
  const published = cardViewFor(ctx, undefined) === 'published';
  const shown = published ? publishedCopy : workingCopy;
  const q = query.q?.trim();
  const select = ctx.db
    .select({ ...cardColumns, ...shown, cursorAt: exactTimestamp(battlecard.updatedAt) })
    .from(battlecard)
    .innerJoin(competitor, eq(competitor.id, battlecard.competitorId))
    .leftJoin(cardOwner, eq(cardOwner.id, battlecard.ownerId))
    .$dynamic();
  const rows = await (published ? select.leftJoin(battlecardVersion, latestVersion) : select)
    .where(
      and(
        eq(battlecard.workspaceId, ctx.workspaceId),
        visibleCardsCondition(ctx),
        query.competitorId ? eq(battlecard.competitorId, query.competitorId) : undefined,
        query.status ? eq(battlecard.status, query.status) : undefined,
        q
          ? sql`(${battlecard.search} @@ websearch_to_tsquery('english', ${q}) or ${shown.title} ilike ${`%${escapeLike(q)}%`})`
          : undefined,
        olderThanCursor(query.cursor, battlecard.updatedAt, battlecard.id),
      ),
    )
    .orderBy(desc(battlecard.updatedAt), desc(battlecard.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.cursorAt, r.id], presentSummary);
}
