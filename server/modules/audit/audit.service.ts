import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditEventListSchema } from '../../../common/auth';
import { event, user } from '../../db/schema';
import type { ClientInfo, RequestContext } from '../../lib/context';
import type { DbOrTx } from '../../lib/db/database';
import { badRequest } from '../../lib/errors';
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
  await db.insert(event).values({
    type: record.type,
    workspaceId: record.workspaceId,
    actorId: record.actorId,
    entity: record.entity ?? null,
    entityId: record.entityId ?? null,
    ip: record.client?.ip ?? null,
    userAgent: record.client?.userAgent?.slice(0, 300) ?? null,
    data: record.data ?? null,
  });
}

/** Keyset cursor: the (createdAt, id) of the last item seen. */
function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
    const createdAt = new Date(time ?? '');
    if (!id || Number.isNaN(createdAt.getTime())) throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw badRequest('invalid_cursor', 'The cursor is not valid; start again without it.');
  }
}

const encodeCursor = (createdAt: Date, id: string) =>
  Buffer.from(`${createdAt.toISOString()}|${id}`, 'utf8').toString('base64url');

export async function listAuditEvents(
  ctx: RequestContext,
  query: { cursor?: string; limit: number },
): Promise<z.infer<typeof AuditEventListSchema>> {
  authorize(ctx, 'audit.read');
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await ctx.db
    .select({ event, actor: { id: user.id, name: user.name, email: user.email } })
    .from(event)
    .leftJoin(user, eq(user.id, event.actorId))
    .where(
      and(
        eq(event.workspaceId, ctx.workspaceId),
        after
          ? or(
              lt(event.createdAt, after.createdAt),
              and(eq(event.createdAt, after.createdAt), lt(event.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(event.createdAt), desc(event.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ event: e, actor }) => ({
      id: e.id,
      type: e.type,
      actor: actor?.id ? actor : null,
      entity: e.entity,
      entityId: e.entityId,
      ip: e.ip,
      userAgent: e.userAgent,
      data: e.data ?? null,
      createdAt: e.createdAt.toISOString(),
    })),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor(last.event.createdAt, last.event.id) : null,
  };
}
