import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Member, UpdateMemberBodySchema } from '../../../common/auth';
import { membership, user } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import type { DbOrTx } from '../../lib/db/database';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { Services } from '../../services';
import { recordEvent } from '../audit/audit.service';
import { authorize, mayGrant } from '../auth/auth.policy';
import { memberCacheKey } from '../auth/authenticate';
import { presentUser } from '../auth/presenters';
import { revokeSessions } from '../auth/sessions';
import { memberAccessChanged } from '../../realtime/hub';
import { publishEvent } from '../../realtime/publish';

function presentMember(row: {
  user: typeof user.$inferSelect;
  membership: typeof membership.$inferSelect;
}): Member {
  return {
    user: presentUser(row.user),
    role: row.membership.role,
    status: row.membership.status,
    joinedAt: row.membership.createdAt.toISOString(),
  };
}

async function memberRow(db: DbOrTx, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ user, membership })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.workspaceId, workspaceId), eq(membership.userId, userId)));
  return row;
}

export async function listMembers(ctx: RequestContext): Promise<Member[]> {
  authorize(ctx, 'members.read');
  const rows = await ctx.db
    .select({ user, membership })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(eq(membership.workspaceId, ctx.workspaceId))
    .orderBy(asc(membership.createdAt));
  return rows.map(presentMember);
}

/**
 * Changes a member's role or status. Admins manage editors and viewers and other admins;
 * only owners touch owners; the last active owner can be neither demoted nor disabled.
 */
export async function updateMember(
  services: Services,
  ctx: RequestContext,
  userId: string,
  change: z.infer<typeof UpdateMemberBodySchema>,
): Promise<Member> {
  authorize(ctx, 'members.manage');
  const member = await ctx.db.transaction(async (tx) => {
    const target = await memberRow(tx, ctx.workspaceId, userId);
    if (!target) throw notFound('Member', 'member_not_found');
    if (userId === ctx.actor.userId) {
      throw new AppError(
        'cannot_change_self',
        403,
        'You cannot change your own role or status; ask another admin.',
      );
    }
    if (!mayGrant(ctx, target.membership.role) || (change.role && !mayGrant(ctx, change.role))) {
      throw forbidden('Only an owner can change an owner or make someone an owner.');
    }
    const losesOwner =
      target.membership.role === 'owner' &&
      target.membership.status === 'active' &&
      ((change.role && change.role !== 'owner') || change.status === 'disabled');
    if (losesOwner) {
      const owners = await tx
        .select({ userId: membership.userId })
        .from(membership)
        .where(
          and(
            eq(membership.workspaceId, ctx.workspaceId),
            eq(membership.role, 'owner'),
            eq(membership.status, 'active'),
          ),
        );
      if (owners.length <= 1) {
        throw new AppError('last_owner', 409, 'A workspace needs at least one active owner.');
      }
    }
    const [updated] = await tx
      .update(membership)
      .set({
        ...(change.role ? { role: change.role } : {}),
        ...(change.status ? { status: change.status } : {}),
      })
      .where(and(eq(membership.workspaceId, ctx.workspaceId), eq(membership.userId, userId)))
      .returning();
    if (change.role && change.role !== target.membership.role) {
      await recordEvent(tx, {
        type: 'member.role_changed',
        workspaceId: ctx.workspaceId,
        actorId: ctx.actor.userId,
        entity: 'user',
        entityId: userId,
        data: { from: target.membership.role, to: change.role },
        client: ctx,
      });
    }
    if (change.status && change.status !== target.membership.status) {
      if (change.status === 'disabled') {
        // A disabled member is signed out of this workspace everywhere, now.
        await revokeSessions(
          tx,
          services.cache,
          { userId, workspaceId: ctx.workspaceId },
          'member_disabled',
        );
      }
      await recordEvent(tx, {
        type: change.status === 'disabled' ? 'member.disabled' : 'member.enabled',
        workspaceId: ctx.workspaceId,
        actorId: ctx.actor.userId,
        entity: 'user',
        entityId: userId,
        client: ctx,
      });
    }
    await services.cache.delete(memberCacheKey(ctx.workspaceId, userId));
    return presentMember({ user: target.user, membership: updated! });
  });
  // After commit: their live connections are re-checked now (closed if disabled).
  await publishEvent(services, memberAccessChanged(ctx.workspaceId, userId));
  return member;
}
