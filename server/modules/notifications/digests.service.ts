import { and, desc, eq } from 'drizzle-orm';
import type { Page, PageQuery } from '../../../common/pagination';
import type { Digest, DigestSummary } from '../../../common/notifications';
import { digest } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { exactTimestamp, olderThanCursor } from '../../lib/keyset';
import { toPage } from '../../lib/pagination';
import { authorize } from '../auth/auth.policy';
import { digestChanges } from './digest-build';

/** My digests in this workspace: personal, so nobody else's are reachable (404). */

type Row = typeof digest.$inferSelect;

const summary = (d: Row): DigestSummary => ({
  id: d.id,
  frequency: d.frequency,
  periodStart: d.periodStart.toISOString(),
  periodEnd: d.periodEnd.toISOString(),
  changeCount: d.changeIds.length,
  emailStatus: d.emailStatus,
  createdAt: d.createdAt.toISOString(),
});

const mine = (ctx: RequestContext) =>
  and(eq(digest.workspaceId, ctx.workspaceId), eq(digest.userId, ctx.actor.userId));

export async function listDigests(
  ctx: RequestContext,
  query: PageQuery,
): Promise<Page<DigestSummary>> {
  authorize(ctx, 'content.read');
  const rows = await ctx.db
    .select({ d: digest, key: exactTimestamp(digest.createdAt) })
    .from(digest)
    .where(and(mine(ctx), olderThanCursor(query.cursor, digest.createdAt, digest.id)))
    .orderBy(desc(digest.createdAt), desc(digest.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => [r.key, r.d.id],
    (r) => summary(r.d),
  );
}

export async function getDigest(ctx: RequestContext, id: string): Promise<Digest> {
  authorize(ctx, 'content.read');
  const [row] = await ctx.db
    .select()
    .from(digest)
    .where(and(eq(digest.id, id), mine(ctx)));
  if (!row) throw notFound('Digest', 'digest_not_found');
  return { ...summary(row), changes: await digestChanges(ctx.db, row.changeIds) };
}
