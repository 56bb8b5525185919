import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AcceptInviteBodySchema, CreateInviteBodySchema, Invite } from '../../../common/auth';
import { invite, membership, user, workspace } from '../../db/schema';
import type { ClientInfo, RequestContext } from '../../lib/context';
import { AppError, forbidden } from '../../lib/errors';
import type { Services } from '../../services';
import { recordEvent } from '../audit/audit.service';
import { authorize, mayGrant } from '../auth/auth.policy';
import type { AuthService, SignedIn } from '../auth/auth.service';
import { memberCacheKey } from '../auth/authenticate';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from '../auth/passwords';
import { randomToken, tokenHash } from '../auth/tokens';

const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

type InviteRow = typeof invite.$inferSelect;

function statusOf(row: InviteRow): Invite['status'] {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= Date.now()) return 'expired';
  return 'pending';
}

function presentInvite(row: InviteRow, inviter: { id: string; name: string } | null): Invite {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: statusOf(row),
    invitedBy: inviter,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

const inviteNotFound = () =>
  new AppError(
    'invite_not_found',
    404,
    'This invite link is not valid. It may have been revoked or already used.',
  );
const inviteExpired = () =>
  new AppError('invite_expired', 410, 'This invite has expired. Ask for a new one.');

export class InviteService {
  constructor(
    private readonly services: Services,
    private readonly auth: AuthService,
  ) {}

  async create(
    ctx: RequestContext,
    input: z.infer<typeof CreateInviteBodySchema>,
  ): Promise<{ invite: Invite; inviteUrl: string; token: string }> {
    authorize(ctx, 'invites.manage');
    if (!mayGrant(ctx, input.role)) throw forbidden('Only an owner can invite another owner.');
    const token = randomToken();
    const row = await ctx.db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ status: membership.status })
        .from(membership)
        .innerJoin(user, eq(user.id, membership.userId))
        .where(and(eq(membership.workspaceId, ctx.workspaceId), eq(user.email, input.email)));
      if (existing) {
        throw new AppError(
          'already_member',
          409,
          `${input.email} is already a member of this workspace.`,
          {
            fields: [{ path: 'body.email', message: 'is already a member' }],
          },
        );
      }
      // One live invite per address: a new one replaces the old link.
      await tx
        .update(invite)
        .set({ revokedAt: sql`now()` })
        .where(
          and(
            eq(invite.workspaceId, ctx.workspaceId),
            eq(invite.email, input.email),
            isNull(invite.acceptedAt),
            isNull(invite.revokedAt),
          ),
        );
      const [created] = await tx
        .insert(invite)
        .values({
          workspaceId: ctx.workspaceId,
          email: input.email,
          role: input.role,
          tokenHash: tokenHash(token),
          invitedBy: ctx.actor.userId,
          expiresAt: new Date(Date.now() + INVITE_LIFETIME_MS),
        })
        .returning();
      await recordEvent(tx, {
        type: 'invite.created',
        workspaceId: ctx.workspaceId,
        actorId: ctx.actor.userId,
        entity: 'invite',
        entityId: created!.id,
        data: { email: input.email, role: input.role },
        client: ctx,
      });
      return created!;
    });
    const [me] = await ctx.db
      .select({ id: user.id, name: user.name })
      .from(user)
      .where(eq(user.id, ctx.actor.userId));
    return {
      invite: presentInvite(row, me ?? null),
      inviteUrl: `${this.services.config.publicUrl}/accept-invite?token=${token}`,
      token,
    };
  }

  async list(ctx: RequestContext): Promise<Invite[]> {
    authorize(ctx, 'invites.manage');
    const rows = await ctx.db
      .select({ invite, inviter: { id: user.id, name: user.name } })
      .from(invite)
      .leftJoin(user, eq(user.id, invite.invitedBy))
      .where(eq(invite.workspaceId, ctx.workspaceId))
      .orderBy(desc(invite.createdAt))
      .limit(200);
    return rows.map((r) => presentInvite(r.invite, r.inviter?.id ? r.inviter : null));
  }

  async revoke(ctx: RequestContext, id: string): Promise<void> {
    authorize(ctx, 'invites.manage');
    await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(invite)
        .set({ revokedAt: sql`now()` })
        .where(
          and(
            eq(invite.id, id),
            eq(invite.workspaceId, ctx.workspaceId),
            isNull(invite.acceptedAt),
            isNull(invite.revokedAt),
          ),
        )
        .returning();
      if (!row) throw inviteNotFound();
      await recordEvent(tx, {
        type: 'invite.revoked',
        workspaceId: ctx.workspaceId,
        actorId: ctx.actor.userId,
        entity: 'invite',
        entityId: id,
        client: ctx,
      });
    });
  }

  /** What an invite link leads to, for the accept page (public: the token is the secret). */
  async preview(token: string) {
    const [row] = await this.services.database.db
      .select({
        invite,
        workspace: { id: workspace.id, name: workspace.name },
        inviterName: user.name,
      })
      .from(invite)
      .innerJoin(workspace, eq(workspace.id, invite.workspaceId))
      .leftJoin(user, eq(user.id, invite.invitedBy))
      .where(eq(invite.tokenHash, tokenHash(token)));
    if (!row || row.invite.acceptedAt || row.invite.revokedAt) throw inviteNotFound();
    if (row.invite.expiresAt.getTime() <= Date.now()) throw inviteExpired();
    const [account] = await this.services.database.db
      .select({ id: user.id })
      .from(user)
      .where(eq(user.email, row.invite.email));
    return {
      workspace: row.workspace,
      email: row.invite.email,
      role: row.invite.role,
      invitedBy: row.inviterName ?? null,
      expiresAt: row.invite.expiresAt.toISOString(),
      accountExists: Boolean(account),
    };
  }

  /**
   * Joins the workspace with a single-use token: a new account is created for a new address;
   * an existing account proves itself with its password.
   */
  async accept(
    input: z.infer<typeof AcceptInviteBodySchema>,
    client: ClientInfo,
  ): Promise<SignedIn> {
    const db = this.services.database.db;
    const hash = tokenHash(input.token);
    const [pending] = await db.select().from(invite).where(eq(invite.tokenHash, hash));
    if (!pending || pending.acceptedAt || pending.revokedAt) throw inviteNotFound();
    if (pending.expiresAt.getTime() <= Date.now()) throw inviteExpired();
    const [account] = await db.select().from(user).where(eq(user.email, pending.email));
    let newPasswordHash: string | undefined;
    if (account) {
      if (!(await verifyPassword(account.passwordHash, input.password))) {
        throw new AppError(
          'invalid_credentials',
          401,
          `That is not the password of ${pending.email}.`,
          {
            fields: [{ path: 'body.password', message: 'is not right' }],
          },
        );
      }
      if (account.status !== 'active') {
        throw new AppError('account_disabled', 403, 'This account is disabled.');
      }
    } else {
      if (!input.name) {
        throw new AppError('validation_failed', 400, 'Tell us your name to create your account.', {
          fields: [{ path: 'body.name', message: 'is required' }],
        });
      }
      if (input.password.length < 12) {
        throw new AppError(
          'validation_failed',
          400,
          'Choose a password of at least 12 characters.',
          {
            fields: [{ path: 'body.password', message: 'must be at least 12 characters' }],
          },
        );
      }
      assertPasswordAcceptable(input.password, { email: pending.email });
      newPasswordHash = await hashPassword(input.password);
    }

    return db.transaction(async (tx) => {
      // Single use, even against two simultaneous accepts: only one update matches.
      const [claimed] = await tx
        .update(invite)
        .set({ acceptedAt: sql`now()` })
        .where(
          and(
            eq(invite.id, pending.id),
            isNull(invite.acceptedAt),
            isNull(invite.revokedAt),
            gt(invite.expiresAt, sql`now()`),
          ),
        )
        .returning();
      if (!claimed) throw inviteNotFound();
      let who = account;
      if (!who) {
        const [created] = await tx
          .insert(user)
          .values({ email: pending.email, name: input.name!, passwordHash: newPasswordHash! })
          .returning();
        who = created!;
      }
      await tx
        .insert(membership)
        .values({ workspaceId: claimed.workspaceId, userId: who.id, role: claimed.role })
        .onConflictDoUpdate({
          target: [membership.workspaceId, membership.userId],
          set: { role: claimed.role, status: 'active' },
        });
      await this.services.cache.delete(memberCacheKey(claimed.workspaceId, who.id));
      await recordEvent(tx, {
        type: 'invite.accepted',
        workspaceId: claimed.workspaceId,
        actorId: who.id,
        entity: 'invite',
        entityId: claimed.id,
        data: { email: claimed.email, role: claimed.role, newAccount: !account },
        client,
      });
      const [ws] = await tx.select().from(workspace).where(eq(workspace.id, claimed.workspaceId));
      return this.auth.signIn(tx, who, ws!, claimed.role, client);
    });
  }
}
