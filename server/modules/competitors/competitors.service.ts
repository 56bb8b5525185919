import { type SQL, and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Competitor,
  CreateCompetitorBodySchema,
  ListCompetitorsQuerySchema,
  UpdateCompetitorBodySchema,
} from '../../../common/competitors';
import type { Page } from '../../../common/pagination';
import { battlecard, competitor } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import type { DbOrTx } from '../../lib/db/database';
import { AppError, PG_UNIQUE_VIOLATION, notFound, postgresErrorCode } from '../../lib/errors';
import { cursorText, cursorTimestamp, cursorUuid, escapeLike, olderThan } from '../../lib/keyset';
import { decodeCursor, toPage } from '../../lib/pagination';
import type { Services } from '../../services';
import { recordAction } from '../audit/audit.service';
import { authorize } from '../auth/auth.policy';
import { invalidateCards } from '../battlecards/card-cache';
import { detachCompetitorEvidence } from '../evidence/evidence.citations';
import { presentCompetitor, readCompetitor, selectCompetitors } from './competitors.query';

export const competitorNotFound = () => notFound('Competitor', 'competitor_not_found');

/** Names are unique per workspace regardless of case and surrounding spaces. */
const nameKeyOf = (name: string) => name.trim().toLowerCase();

/** Maps the unique index's refusal to a 409 a person can act on. */
async function refusingDuplicates<T>(name: string | undefined, write: () => Promise<T>) {
  try {
    return await write();
  } catch (error) {
    if (postgresErrorCode(error) !== PG_UNIQUE_VIOLATION) throw error;
    throw new AppError(
      'competitor_exists',
      409,
      `A competitor named "${name}" already exists in this workspace.`,
      { fields: [{ path: 'body.name', message: 'is already used by another competitor' }] },
    );
  }
}

/** The id and name of a competitor of the caller's workspace; 404 otherwise. */
export async function requireCompetitor(
  db: DbOrTx,
  ctx: RequestContext,
  id: string,
): Promise<{ id: string; name: string }> {
  const [row] = await db
    .select({ id: competitor.id, name: competitor.name })
    .from(competitor)
    .where(and(eq(competitor.id, id), eq(competitor.workspaceId, ctx.workspaceId)));
  if (!row) throw competitorNotFound();
  return row;
}

/** Where the next page starts: after the last row's (name key, id) or (updated at, id). */
function afterCursor(cursor: string | undefined, byName: boolean): SQL | undefined {
  const key = decodeCursor(cursor, 2);
  if (!key) return undefined;
  const id = cursorUuid(key[1]);
  return byName
    ? sql`(${competitor.nameKey}, ${competitor.id}) > (${cursorText(key[0])}, ${id}::uuid)`
    : olderThan(competitor.updatedAt, competitor.id, cursorTimestamp(key[0]), id);
}

export async function listCompetitors(
  ctx: RequestContext,
  query: z.infer<typeof ListCompetitorsQuerySchema>,
): Promise<Page<Competitor>> {
  authorize(ctx, 'content.read');
  const byName = query.sort === 'name';
  const q = query.q || undefined;
  const rows = await selectCompetitors(ctx.db, ctx)
    .where(
      and(
        eq(competitor.workspaceId, ctx.workspaceId),
        q
          ? or(
              sql`${competitor.search} @@ websearch_to_tsquery('english', ${q})`,
              // Typing the start of a name finds it before a whole word is typed.
              ilike(competitor.name, `${escapeLike(q)}%`),
            )
          : undefined,
        query.tier ? eq(competitor.tier, query.tier) : undefined,
        query.tag ? sql`${competitor.tags} @> array[${query.tag}]::text[]` : undefined,
        afterCursor(query.cursor, byName),
      ),
    )
    .orderBy(
      ...(byName
        ? [asc(competitor.nameKey), asc(competitor.id)]
        : [desc(competitor.updatedAt), desc(competitor.id)]),
    )
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => [byName ? row.nameKey : row.updatedKey, row.id],
    presentCompetitor,
  );
}

export async function getCompetitor(ctx: RequestContext, id: string): Promise<Competitor> {
  authorize(ctx, 'content.read');
  const found = await readCompetitor(ctx.db, ctx, id);
  if (!found) throw competitorNotFound();
  return found;
}

export async function createCompetitor(
  ctx: RequestContext,
  input: z.infer<typeof CreateCompetitorBodySchema>,
): Promise<Competitor> {
  authorize(ctx, 'content.edit');
  return refusingDuplicates(input.name, () =>
    ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(competitor)
        .values({
          workspaceId: ctx.workspaceId,
          name: input.name,
          nameKey: nameKeyOf(input.name),
          website: input.website ?? null,
          summary: input.summary,
          tier: input.tier,
          tags: input.tags,
          logoUrl: input.logoUrl ?? null,
          createdBy: ctx.actor.userId,
        })
        .returning({ id: competitor.id });
      await recordAction(tx, ctx, 'competitor.created', row!.id, { name: input.name });
      return (await readCompetitor(tx, ctx, row!.id))!;
    }),
  );
}

export async function updateCompetitor(
  services: Services,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof UpdateCompetitorBodySchema>,
): Promise<Competitor> {
  authorize(ctx, 'content.edit');
  const changed = Object.entries(input)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field);
  let staleCards: string[] = [];
  const updated = await refusingDuplicates(input.name, () =>
    ctx.db.transaction(async (tx) => {
      const [before] = await tx
        .select({ name: competitor.name, logoUrl: competitor.logoUrl })
        .from(competitor)
        .where(and(eq(competitor.id, id), eq(competitor.workspaceId, ctx.workspaceId)))
        .for('update');
      if (!before) throw competitorNotFound();
      if (changed.length === 0) return (await readCompetitor(tx, ctx, id))!;
      await tx
        .update(competitor)
        .set({
          ...input,
          ...(input.name === undefined ? {} : { nameKey: nameKeyOf(input.name) }),
          updatedAt: sql`now()`,
        })
        .where(eq(competitor.id, id));
      await recordAction(tx, ctx, 'competitor.updated', id, {
        changed,
        ...(input.name === undefined ? {} : { from: before.name }),
      });
      // Cards show the competitor's name and logo.
      const shownOnCards =
        (input.name !== undefined && input.name !== before.name) ||
        (input.logoUrl !== undefined && input.logoUrl !== before.logoUrl);
      if (shownOnCards) staleCards = await cardsOf(tx, id);
      return (await readCompetitor(tx, ctx, id))!;
    }),
  );
  await invalidateCards(services.cache, staleCards);
  return updated;
}

const cardsOf = async (db: DbOrTx, competitorId: string) =>
  (
    await db
      .select({ id: battlecard.id })
      .from(battlecard)
      .where(eq(battlecard.competitorId, competitorId))
  ).map((c) => c.id);

/** Admins only: evidence, battlecards and deals of the competitor go with it. */
export async function deleteCompetitor(
  services: Services,
  ctx: RequestContext,
  id: string,
): Promise<void> {
  authorize(ctx, 'workspace.manage');
  const staleCards = await ctx.db.transaction(async (tx) => {
    const [rival] = await tx
      .select({ id: competitor.id, name: competitor.name })
      .from(competitor)
      .where(and(eq(competitor.id, id), eq(competitor.workspaceId, ctx.workspaceId)))
      .for('update');
    if (!rival) throw competitorNotFound();
    const ownCards = await cardsOf(tx, id);
    const citingCards = await detachCompetitorEvidence(tx, ctx.workspaceId, rival);
    await tx.delete(competitor).where(eq(competitor.id, id));
    await recordAction(tx, ctx, 'competitor.deleted', id, {
      name: rival.name,
      battlecards: ownCards.length,
    });
    return [...ownCards, ...citingCards];
  });
  await invalidateCards(services.cache, staleCards);
}
