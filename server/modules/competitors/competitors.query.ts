import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Competitor } from '../../../common/competitors';
import { battlecard, competitor, deal, evidence } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import type { DbOrTx } from '../../lib/db/database';
import { exactTimestamp } from '../../lib/keyset';

/**
 * The competitor as lists show it: its own columns plus counts, the newest evidence and the
 * win rate, each a correlated subquery on an index (evidence, battlecard and deal are indexed
 * by competitor), so a page is one query whatever its length.
 */
const count = (from: SQL) => sql<number>`(select count(*)::int ${from})`.mapWith(Number);

export function competitorSelection(ctx: RequestContext) {
  const evidenceOf = sql`from ${evidence} where ${evidence.competitorId} = ${competitor.id}`;
  const dealsOf = sql`from ${deal} where ${deal.competitorId} = ${competitor.id}`;
  return {
    id: competitor.id,
    name: competitor.name,
    website: competitor.website,
    summary: competitor.summary,
    tier: competitor.tier,
    tags: competitor.tags,
    logoUrl: competitor.logoUrl,
    createdAt: competitor.createdAt,
    updatedAt: competitor.updatedAt,
    /** Exact sort keys for cursors. */
    nameKey: competitor.nameKey,
    updatedKey: exactTimestamp(competitor.updatedAt),
    evidenceCount: count(evidenceOf),
    lastEvidenceAt: sql<Date | null>`(select max(${evidence.capturedAt}) ${evidenceOf})`.mapWith(
      evidence.capturedAt,
    ),
    // Cards the caller can see and still in use: private cards are their owner's alone.
    battlecardCount: count(
      sql`from ${battlecard} where ${battlecard.competitorId} = ${competitor.id}
        and ${battlecard.status} <> 'archived'
        and (${battlecard.visibility} = 'workspace' or ${battlecard.ownerId} = ${ctx.actor.userId})`,
    ),
    dealCount: count(dealsOf),
    won: count(sql`${dealsOf} and ${deal.outcome} = 'won'`),
    lost: count(sql`${dealsOf} and ${deal.outcome} = 'lost'`),
  };
}

/** Competitors with their counts; every caller adds `workspace_id = ctx.workspaceId`. */
export const selectCompetitors = (db: DbOrTx, ctx: RequestContext) =>
  db.select(competitorSelection(ctx)).from(competitor).$dynamic();

type CompetitorRow = Awaited<ReturnType<typeof selectCompetitors>>[number];

/** won / (won + lost); null until a deal is decided. */
export const winRateOf = (won: number, lost: number): number | null =>
  won + lost === 0 ? null : won / (won + lost);

export function presentCompetitor(row: CompetitorRow): Competitor {
  return {
    id: row.id,
    name: row.name,
    website: row.website,
    summary: row.summary,
    tier: row.tier,
    tags: row.tags,
    logoUrl: row.logoUrl,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    counts: {
      evidence: row.evidenceCount,
      battlecards: row.battlecardCount,
      deals: row.dealCount,
    },
    lastEvidenceAt: row.lastEvidenceAt ? row.lastEvidenceAt.toISOString() : null,
    winRate: winRateOf(row.won, row.lost),
  };
}

/** One competitor of the caller's workspace with its counts, or undefined. */
export async function readCompetitor(
  db: DbOrTx,
  ctx: RequestContext,
  id: string,
): Promise<Competitor | undefined> {
  const [row] = await selectCompetitors(db, ctx).where(
    and(eq(competitor.id, id), eq(competitor.workspaceId, ctx.workspaceId)),
  );
  return row ? presentCompetitor(row) : undefined;
}
