import { and, desc, eq, gte, inArray, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type {
  CreateDealBodySchema,
  Deal,
  ListDealsQuerySchema,
  WinRatesQuerySchema,
} from '../../../common/deals';
import type { Page } from '../../../common/pagination';
import { claim, competitor, deal, user } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import type { DbOrTx } from '../../lib/db/database';
import { badRequest, notFound } from '../../lib/errors';
import { exactTimestamp, olderThanCursor } from '../../lib/keyset';
import { toPage } from '../../lib/pagination';
import { recordAction } from '../audit/audit.service';
import { authorize } from '../auth/auth.policy';
import { winRateOf } from '../competitors/competitors.query';
import { requireCompetitor } from '../competitors/competitors.service';

const dealNotFound = () => notFound('Deal', 'deal_not_found');

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A date without a time is midnight UTC of that day. */
export const instantOf = (value: string): Date =>
  new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);

/**
 * `from`/`to` on a timestamp: both inclusive. A date-only `to` means through the end of that
 * day, so `from=2024-03-01&to=2024-03-31` is all of March.
 */
export function closedBetween(column: PgColumn, from?: string, to?: string): SQL | undefined {
  return and(
    from ? gte(column, instantOf(from)) : undefined,
    to && DATE_ONLY.test(to) ? lt(column, new Date(instantOf(to).getTime() + DAY_MS)) : undefined,
    to && !DATE_ONLY.test(to) ? lte(column, instantOf(to)) : undefined,
  );
}

const selectDeals = (db: DbOrTx) =>
  db
    .select({
      deal,
      competitorName: competitor.name,
      createdBy: { id: user.id, name: user.name },
      closedKey: exactTimestamp(deal.closedAt),
    })
    .from(deal)
    .innerJoin(competitor, eq(competitor.id, deal.competitorId))
    .leftJoin(user, eq(user.id, deal.createdBy))
    .$dynamic();

type DealRow = Awaited<ReturnType<typeof selectDeals>>[number];

function presentDeal({ deal: d, competitorName, createdBy }: DealRow): Deal {
  return {
    id: d.id,
    competitorId: d.competitorId,
    competitorName,
    name: d.name,
    outcome: d.outcome,
    amount: d.amount,
    currency: d.currency,
    closedAt: d.closedAt.toISOString(),
    reasons: d.reasons,
    objections: d.objections,
    notes: d.notes,
    createdBy: createdBy?.id ? { id: createdBy.id, name: createdBy.name } : null,
    createdAt: d.createdAt.toISOString(),
  };
}

async function readDeal(db: DbOrTx, ctx: RequestContext, id: string): Promise<Deal> {
  const [row] = await selectDeals(db).where(
    and(eq(deal.id, id), eq(deal.workspaceId, ctx.workspaceId)),
  );
  if (!row) throw dealNotFound();
  return presentDeal(row);
}

/** Objections may name the battlecard claim they were; each must be a claim of this workspace. */
async function checkObjectionClaims(
  tx: DbOrTx,
  ctx: RequestContext,
  objections: { claimId?: string | undefined }[],
): Promise<void> {
  const wanted = [...new Set(objections.flatMap((o) => (o.claimId ? [o.claimId] : [])))];
  if (wanted.length === 0) return;
  const found = new Set(
    (
      await tx
        .select({ id: claim.id })
        .from(claim)
        .where(and(eq(claim.workspaceId, ctx.workspaceId), inArray(claim.id, wanted)))
    ).map((c) => c.id),
  );
  const fields = objections.flatMap((o, index) =>
    o.claimId && !found.has(o.claimId)
      ? [{ path: `body.objections.${index}.claimId`, message: 'is not a claim of this workspace' }]
      : [],
  );
  if (fields.length > 0) {
    throw badRequest(
      'invalid_claim',
      `Objection ${fields[0]!.path.split('.')[2]} refers to a claim that is not in this workspace.`,
      { fields },
    );
  }
}

/** Records a won, lost or undecided deal against a competitor. */
export async function createDeal(
  ctx: RequestContext,
  input: z.infer<typeof CreateDealBodySchema>,
): Promise<Deal> {
  authorize(ctx, 'content.edit');
  return ctx.db.transaction(async (tx) => {
    await requireCompetitor(tx, ctx, input.competitorId);
    await checkObjectionClaims(tx, ctx, input.objections);
    const [row] = await tx
      .insert(deal)
      .values({
        workspaceId: ctx.workspaceId,
        competitorId: input.competitorId,
        name: input.name ?? null,
        outcome: input.outcome,
        amount: input.amount ?? null,
        currency: input.currency,
        closedAt: instantOf(input.closedAt),
        reasons: input.reasons,
        objections: input.objections.map((o) => ({
          claimId: o.claimId ?? null,
          text: o.text,
          responseUsed: o.responseUsed || null,
          effective: o.effective ?? null,
        })),
        notes: input.notes || null,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: deal.id });
    await recordAction(tx, ctx, 'deal.recorded', row!.id, {
      competitorId: input.competitorId,
      outcome: input.outcome,
    });
    return readDeal(tx, ctx, row!.id);
  });
}

/** Newest close first. */
export async function listDeals(
  ctx: RequestContext,
  query: z.infer<typeof ListDealsQuerySchema>,
): Promise<Page<Deal>> {
  authorize(ctx, 'content.read');
  const rows = await selectDeals(ctx.db)
    .where(
      and(
        eq(deal.workspaceId, ctx.workspaceId),
        query.competitorId ? eq(deal.competitorId, query.competitorId) : undefined,
        query.outcome ? eq(deal.outcome, query.outcome) : undefined,
        closedBetween(deal.closedAt, query.from, query.to),
        olderThanCursor(query.cursor, deal.closedAt, deal.id),
      ),
    )
    .orderBy(desc(deal.closedAt), desc(deal.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (row) => [row.closedKey, row.deal.id], presentDeal);
}

export async function getDeal(ctx: RequestContext, id: string): Promise<Deal> {
  authorize(ctx, 'content.read');
  return readDeal(ctx.db, ctx, id);
}

export async function deleteDeal(ctx: RequestContext, id: string): Promise<void> {
  authorize(ctx, 'content.edit');
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(deal)
      .where(and(eq(deal.id, id), eq(deal.workspaceId, ctx.workspaceId)))
      .returning({ competitorId: deal.competitorId, outcome: deal.outcome });
    if (!gone) throw dealNotFound();
    await recordAction(tx, ctx, 'deal.deleted', id, gone);
  });
}

const outcomeCount = (filter: SQL) =>
  sql<number>`(count(*) filter (where ${filter}))::int`.mapWith(Number);

/** Per competitor with deals in the range; the most decided deals first. */
export async function listWinRates(
  ctx: RequestContext,
  query: z.infer<typeof WinRatesQuerySchema>,
) {
  authorize(ctx, 'content.read');
  const rows = await ctx.db
    .select({
      competitorId: competitor.id,
      competitorName: competitor.name,
      won: outcomeCount(sql`${deal.outcome} = 'won'`),
      lost: outcomeCount(sql`${deal.outcome} = 'lost'`),
      noDecision: outcomeCount(sql`${deal.outcome} = 'no_decision'`),
    })
    .from(deal)
    .innerJoin(competitor, eq(competitor.id, deal.competitorId))
    .where(
      and(
        eq(deal.workspaceId, ctx.workspaceId),
        closedBetween(deal.closedAt, query.from, query.to),
      ),
    )
    .groupBy(competitor.id, competitor.name, competitor.nameKey)
    .orderBy(
      sql`count(*) filter (where ${deal.outcome} in ('won', 'lost')) desc`,
      competitor.nameKey,
      competitor.id,
    );
  return {
    items: rows.map((r) => ({ ...r, winRate: winRateOf(r.won, r.lost) })),
  };
}
