import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditEventListSchema } from '../../../common/auth';
import { event, user } from '../../db/schema';
import type { ClientInfo, RequestContext } from '../../lib/context';
import type { DbOrTx } from '../../lib/db/database';
import { exactTimestamp, olderThanCursor } from '../../lib/keyset';
import { toPage } from '../../lib/pagination';
import { authorize } from '../auth/auth.policy';

export interface AuditRecord {
  type: string;
  workspaceId: string | null;
  actorId: string | null;
  entity?: string;
  entityId?: string;
  data?: Record<string, unknown>;
  client?: ClientInfo;
}

/** Appends an event; pass the caller's transaction so the event commits with the change. */
export async function recordEvent(db: DbOrTx, record: AuditRecord): Promise<void> {
  await db.insert(event).values(eventRow(record));
}

/** An event as a row, for a caller that inserts it within a larger statement. */
export function eventRow(record: AuditRecord): typeof event.$inferInsert {
  return {
    type: record.type,
    workspaceId: record.workspaceId,
    actorId: record.actorId,
    entity: record.entity ?? null,
    entityId: record.entityId ?? null,
    ip: record.client?.ip ?? null,
    userAgent: record.client?.userAgent?.slice(0, 300) ?? null,
    data: record.data ?? null,
  };
}

/**
 * Records what the request's caller did to one row, in their workspace, from their client.
 * The entity is the type's first part: `deal.recorded` is about the deal `entityId`.
 */
export function recordAction(
  db: DbOrTx,
  ctx: RequestContext,
  type: `${string}.${string}`,
  entityId: string,
  data?: Record<string, unknown>,
): Promise<void> {
  return recordEvent(db, {
    type,
    workspaceId: ctx.workspaceId,
    actorId: ctx.actor.userId,
    entity: type.slice(0, type.indexOf('.')),
    entityId,
    data,
    client: ctx,
  });
}

/** Newest first; the cursor is the exact (createdAt, id) of the last event shown. */
export async function listAuditEvents(
  ctx: RequestContext,
  query: { cursor?: string; limit: number },
): Promise<z.infer<typeof AuditEventListSchema>> {
  authorize(ctx, 'audit.read');
  const rows = await ctx.db
    .select({
      event,
      actor: { id: user.id, name: user.name, email: user.email },
      createdKey: exactTimestamp(event.createdAt),
    })
    .from(event)
    .leftJoin(user, eq(user.id, event.actorId))
    .where(
      and(
        eq(event.workspaceId, ctx.workspaceId),
        olderThanCursor(query.cursor, event.createdAt, event.id),
      ),
    )
    .orderBy(desc(event.createdAt), desc(event.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => [row.createdKey, row.event.id],
    ({ event: e, actor }) => ({
      id: e.id,
      type: e.type,
      actor: actor?.id ? actor : null,
      entity: e.entity,
      entityId: e.entityId,
      ip: e.ip,
      userAgent: e.userAgent,
      data: e.data ?? null,
      createdAt: e.createdAt.toISOString(),
    }),
  );
}
