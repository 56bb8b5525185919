import { createHash } from 'node:crypto';
import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateEvidenceBodySchema,
  Evidence,
  EvidenceSummary,
  ListEvidenceQuerySchema,
} from '../../../common/competitors';
import type { Page } from '../../../common/pagination';
import { PERMISSIONS, hasRole } from '../../../common/permissions';
import { claim, evidence, user } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import type { DbOrTx } from '../../lib/db/database';
import { notFound } from '../../lib/errors';
import { exactTimestamp, olderThanCursor } from '../../lib/keyset';
import { toPage } from '../../lib/pagination';
import type { Services } from '../../services';
import { recordAction } from '../audit/audit.service';
import { authorize } from '../auth/auth.policy';
import { invalidateCards } from '../battlecards/card-cache';
import { requireCompetitor } from '../competitors/competitors.service';
import { detachEvidence } from './evidence.citations';

export const EXCERPT_LENGTH = 280;

const evidenceNotFound = () => notFound('Evidence', 'evidence_not_found');

/** The start of the content on one line, for lists (the full text can be 200 kB). */
export function excerptOf(head: string): string {
  const chars = [...head.replace(/\s+/g, ' ').trim()];
  if (chars.length <= EXCERPT_LENGTH) return chars.join('');
  return `${chars
    .slice(0, EXCERPT_LENGTH - 1)
    .join('')
    .trimEnd()}…`;
}

export const wordCountOf = (content: string) => content.split(/\s+/).filter(Boolean).length;

const selection = {
  id: evidence.id,
  competitorId: evidence.competitorId,
  kind: evidence.kind,
  title: evidence.title,
  url: evidence.url,
  publishedAt: evidence.publishedAt,
  capturedAt: evidence.capturedAt,
  capturedKey: exactTimestamp(evidence.capturedAt),
  contentHash: evidence.contentHash,
  wordCount: evidence.wordCount,
  // Enough to fill an excerpt even after runs of whitespace collapse.
  head: sql<string>`left(${evidence.content}, 1200)`,
  createdBy: { id: user.id, name: user.name },
  // Containment on the claim citations index: `[{"evidenceId": "<id>"}]`.
  citedBy: sql<number>`(select count(*)::int from ${claim}
    where ${claim.workspaceId} = ${evidence.workspaceId}
      and ${claim.citations} @> jsonb_build_array(jsonb_build_object('evidenceId', ${evidence.id}::text)))`.mapWith(
    Number,
  ),
};

const selectSummaries = (db: DbOrTx) =>
  db.select(selection).from(evidence).leftJoin(user, eq(user.id, evidence.createdBy)).$dynamic();

const selectWithContent = (db: DbOrTx) =>
  db
    .select({ ...selection, content: evidence.content })
    .from(evidence)
    .leftJoin(user, eq(user.id, evidence.createdBy))
    .$dynamic();

type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

function presentSummary(row: SummaryRow): EvidenceSummary {
  return {
    id: row.id,
    competitorId: row.competitorId,
    kind: row.kind,
    title: row.title,
    excerpt: excerptOf(row.head),
    url: row.url,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    capturedAt: row.capturedAt.toISOString(),
    contentHash: row.contentHash,
    wordCount: row.wordCount,
    createdBy: row.createdBy?.id ? { id: row.createdBy.id, name: row.createdBy.name } : null,
    citedBy: row.citedBy,
  };
}

async function readEvidence(db: DbOrTx, ctx: RequestContext, id: string): Promise<Evidence> {
  const [row] = await selectWithContent(db).where(
    and(eq(evidence.id, id), eq(evidence.workspaceId, ctx.workspaceId)),
  );
  if (!row) throw evidenceNotFound();
  return {
    ...presentSummary(row),
    content: row.content,
    canDelete: hasRole(ctx.actor.role, PERMISSIONS['content.edit']),
  };
}

/** Adds a piece of intel by hand; stored exactly as given, with its hash and capture time. */
export async function createEvidence(
  ctx: RequestContext,
  competitorId: string,
  input: z.infer<typeof CreateEvidenceBodySchema>,
): Promise<Evidence> {
  authorize(ctx, 'content.edit');
  return ctx.db.transaction(async (tx) => {
    await requireCompetitor(tx, ctx, competitorId);
    const [row] = await tx
      .insert(evidence)
      .values({
        workspaceId: ctx.workspaceId,
        competitorId,
        kind: input.kind,
        title: input.title,
        content: input.content,
        url: input.url ?? null,
        contentHash: createHash('sha256').update(input.content, 'utf8').digest('hex'),
        wordCount: wordCountOf(input.content),
        publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: evidence.id });
    await recordAction(tx, ctx, 'evidence.created', row!.id, {
      competitorId,
      kind: input.kind,
      title: input.title,
    });
    return readEvidence(tx, ctx, row!.id);
  });
}

/** Newest first; `q` is full-text over title and content. */
export async function listEvidence(
  ctx: RequestContext,
  query: z.infer<typeof ListEvidenceQuerySchema>,
): Promise<Page<EvidenceSummary>> {
  authorize(ctx, 'content.read');
  const rows = await selectSummaries(ctx.db)
    .where(
      and(
        eq(evidence.workspaceId, ctx.workspaceId),
        query.competitorId ? eq(evidence.competitorId, query.competitorId) : undefined,
        query.kind ? eq(evidence.kind, query.kind) : undefined,
        query.q
          ? sql`${evidence.search} @@ websearch_to_tsquery('english', ${query.q})`
          : undefined,
        query.from ? gte(evidence.capturedAt, new Date(query.from)) : undefined,
        query.to ? lte(evidence.capturedAt, new Date(query.to)) : undefined,
        olderThanCursor(query.cursor, evidence.capturedAt, evidence.id),
      ),
    )
    .orderBy(desc(evidence.capturedAt), desc(evidence.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (row) => [row.capturedKey, row.id], presentSummary);
}

/** The evidence of one competitor; 404 when the competitor is not in the workspace. */
export async function listCompetitorEvidence(
  ctx: RequestContext,
  competitorId: string,
  query: Omit<z.infer<typeof ListEvidenceQuerySchema>, 'competitorId'>,
): Promise<Page<EvidenceSummary>> {
  authorize(ctx, 'content.read');
  await requireCompetitor(ctx.db, ctx, competitorId);
  return listEvidence(ctx, { ...query, competitorId });
}

export async function getEvidence(ctx: RequestContext, id: string): Promise<Evidence> {
  authorize(ctx, 'content.read');
  return readEvidence(ctx.db, ctx, id);
}

/** Claims citing it lose the citation and turn stale, in the same transaction. */
export async function deleteEvidence(
  services: Services,
  ctx: RequestContext,
  id: string,
): Promise<void> {
  authorize(ctx, 'content.edit');
  const staleCards = await ctx.db.transaction(async (tx) => {
    const [item] = await tx
      .select({ id: evidence.id, title: evidence.title, competitorId: evidence.competitorId })
      .from(evidence)
      .where(and(eq(evidence.id, id), eq(evidence.workspaceId, ctx.workspaceId)))
      .for('update');
    if (!item) throw evidenceNotFound();
    const cards = await detachEvidence(tx, ctx.workspaceId, item);
    await tx.delete(evidence).where(eq(evidence.id, id));
    await recordAction(tx, ctx, 'evidence.deleted', id, {
      competitorId: item.competitorId,
      title: item.title,
      staleCards: cards.length,
    });
    return cards;
  });
  await invalidateCards(services.cache, staleCards);
}
