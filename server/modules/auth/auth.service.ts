import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AuthResponse,
  ChangePasswordBodySchema,
  LoginBodySchema,
  MeResponse,
  RegisterBodySchema,
} from '../../../common/auth';
import { type Role, permissionsOf } from '../../../common/permissions';
import { membership, session, user, workspace } from '../../db/schema';
import type { ClientInfo, RequestContext } from '../../lib/context';
import type { DbOrTx } from '../../lib/db/database';
import { AppError, PG_UNIQUE_VIOLATION, postgresErrorCode } from '../../lib/errors';
import type { Services } from '../../services';
import { recordEvent } from '../audit/audit.service';
import { memberState } from './authenticate';
import { assertPasswordAcceptable, decoyHash, hashPassword, verifyPassword } from './passwords';
import { presentUser } from './presenters';
import { consumeRefreshToken, createSession, issueRefreshToken, revokeSessions } from './sessions';
import { ACCESS_TOKEN_TTL_SECONDS, type AccessTokens } from './tokens';

/** What a sign-in hands back: the response body and the refresh token for the cookie. */
export interface SignedIn {
  body: AuthResponse;
  refreshToken: string;
  refreshExpiresAt: Date;
}

const invalidCredentials = () =>
  new AppError('invalid_credentials', 401, 'That email and password do not match an account.');
const invalidRefresh = () =>
  new AppError('invalid_refresh_token', 401, 'Your sign-in has ended. Sign in again.');

export class AuthService {
  constructor(
    private readonly services: Services,
    private readonly tokens: AccessTokens,
  ) {}

  private get db() {
    return this.services.database.db;
  }

  async register(input: z.infer<typeof RegisterBodySchema>, client: ClientInfo): Promise<SignedIn> {
    if (!this.services.config.allowSignup) {
      throw new AppError(
        'signup_disabled',
        403,
        'Sign-up is turned off here. Ask an admin for an invite.',
      );
    }
    assertPasswordAcceptable(input.password, { email: input.email });
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.db.transaction(async (tx) => {
        const [newUser] = await tx
          .insert(user)
          .values({ email: input.email, name: input.name, passwordHash })
          .returning();
        const [newWorkspace] = await tx
          .insert(workspace)
          .values({ name: input.workspaceName })
          .returning();
        await tx
          .insert(membership)
          .values({ workspaceId: newWorkspace!.id, userId: newUser!.id, role: 'owner' });
        await recordEvent(tx, {
          type: 'auth.registered',
          workspaceId: newWorkspace!.id,
          actorId: newUser!.id,
          entity: 'user',
          entityId: newUser!.id,
          client,
        });
        return this.signIn(tx, newUser!, newWorkspace!, 'owner', client);
      });
    } catch (err) {
      if (postgresErrorCode(err) === PG_UNIQUE_VIOLATION) {
        throw new AppError(
          'email_taken',
          409,
          'An account with that email already exists. Sign in instead.',
          {
            fields: [{ path: 'body.email', message: 'is already registered' }],
          },
        );
      }
      throw err;
    }
  }

  async login(input: z.infer<typeof LoginBodySchema>, client: ClientInfo): Promise<SignedIn> {
    const [found] = await this.db.select().from(user).where(eq(user.email, input.email));
    // Unknown emails cost one argon2 verification too, so timing does not reveal accounts.
    const ok = await verifyPassword(found?.passwordHash ?? (await decoyHash()), input.password);
    if (!found || !ok) {
      if (found) await this.recordFailedLogin(found.id, client);
      throw invalidCredentials();
    }
    if (found.status !== 'active') {
      throw new AppError(
        'account_disabled',
        403,
        'This account is disabled. Ask an admin of your workspace.',
      );
    }
    const memberships = await this.activeMemberships(found.id);
    const chosen = input.workspaceId
      ? memberships.find((m) => m.workspace.id === input.workspaceId)
      : memberships[0];
    if (!chosen) {
      throw new AppError(
        input.workspaceId ? 'not_a_member' : 'no_workspace',
        403,
        input.workspaceId
          ? 'You are not an active member of that workspace.'
          : 'Your account is not an active member of any workspace. Ask an admin for an invite.',
      );
    }
    return this.db.transaction(async (tx) => {
      await recordEvent(tx, {
        type: 'auth.login',
        workspaceId: chosen.workspace.id,
        actorId: found.id,
        entity: 'user',
        entityId: found.id,
        client,
      });
      return this.signIn(tx, found, chosen.workspace, chosen.role, client);
    });
  }

  /** Rotates the refresh token; a replayed token revokes its whole family. */
  async refresh(
    token: string | undefined,
    client: ClientInfo,
  ): Promise<{
    accessToken: string;
    expiresIn: number;
    refreshToken: string;
    refreshExpiresAt: Date;
  }> {
    if (!token || token.length > 200) throw invalidRefresh();
    const outcome = await this.db.transaction(async (tx) => {
      const result = await consumeRefreshToken(tx, token);
      if (result.kind === 'unknown') return null;
      const [row] = await tx.select().from(session).where(eq(session.id, result.sessionId));
      if (!row) return null;
      if (result.kind === 'reused') {
        const revoked = await revokeSessions(
          tx,
          this.services.cache,
          { sessionId: row.id },
          'refresh_reuse',
        );
        if (revoked.length > 0) {
          await recordEvent(tx, {
            type: 'auth.refresh_reuse',
            workspaceId: row.workspaceId,
            actorId: row.userId,
            entity: 'session',
            entityId: row.id,
            client,
            data: {
              note: 'A refresh token was used twice; the sign-in was ended on every device using it.',
            },
          });
        }
        return null;
      }
      if (row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null;
      const member = await memberState(this.services, row.workspaceId, row.userId, tx);
      if (!member?.active) return null;
      const next = await issueRefreshToken(tx, row.id);
      await tx
        .update(session)
        .set({ lastUsedAt: sql`now()`, ip: client.ip })
        .where(eq(session.id, row.id));
      const accessToken = await this.tokens.sign({
        userId: row.userId,
        workspaceId: row.workspaceId,
        role: member.role,
        sessionId: row.id,
      });
      return {
        accessToken,
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
        refreshToken: next,
        refreshExpiresAt: row.expiresAt,
      };
    });
    // Revocations must commit even though the caller gets an error, so throw after the commit.
    if (!outcome) throw invalidRefresh();
    return outcome;
  }

  /** Ends the sign-in: the session named by the access token, or by the refresh token. */
  /** The session an access token names, valid or not (sign-out must work with a stale one). */
  async sessionOf(bearer: string): Promise<string | undefined> {
    return (await this.tokens.verify(bearer))?.sessionId;
  }

  async logout(
    accessSessionId: string | undefined,
    token: string | undefined,
    client: ClientInfo,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      let sessionId = accessSessionId;
      if (!sessionId && token) {
        const result = await consumeRefreshToken(tx, token);
        if (result.kind !== 'unknown') sessionId = result.sessionId;
      }
      if (!sessionId) return;
      const [row] = await tx.select().from(session).where(eq(session.id, sessionId));
      const revoked = await revokeSessions(tx, this.services.cache, { sessionId }, 'logout');
      if (row && revoked.length > 0) {
        await recordEvent(tx, {
          type: 'auth.logout',
          workspaceId: row.workspaceId,
          actorId: row.userId,
          entity: 'session',
          entityId: sessionId,
          client,
        });
      }
    });
  }

  async switchWorkspace(
    ctx: RequestContext,
    workspaceId: string,
    client: ClientInfo,
  ): Promise<AuthResponse> {
    const sessionId = this.requireSession(ctx);
    const memberships = await this.activeMemberships(ctx.actor.userId);
    const target = memberships.find((m) => m.workspace.id === workspaceId);
    if (!target)
      throw new AppError('not_a_member', 403, 'You are not an active member of that workspace.');
    const [me] = await this.db.select().from(user).where(eq(user.id, ctx.actor.userId));
    await this.db.transaction(async (tx) => {
      // The session now lives in that workspace, so later refreshes stay there too.
      await tx.update(session).set({ workspaceId }).where(eq(session.id, sessionId));
      await recordEvent(tx, {
        type: 'auth.workspace_switched',
        workspaceId,
        actorId: ctx.actor.userId,
        entity: 'workspace',
        entityId: workspaceId,
        client,
      });
    });
    const accessToken = await this.tokens.sign({
      userId: me!.id,
      workspaceId,
      role: target.role,
      sessionId,
    });
    return {
      accessToken,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      user: presentUser(me!),
      workspace: target.workspace,
      role: target.role,
    };
  }

  async changePassword(
    ctx: RequestContext,
    input: z.infer<typeof ChangePasswordBodySchema>,
    client: ClientInfo,
  ): Promise<SignedIn> {
    this.requireSession(ctx);
    const [me] = await this.db.select().from(user).where(eq(user.id, ctx.actor.userId));
    if (!me || !(await verifyPassword(me.passwordHash, input.currentPassword))) {
      throw new AppError('invalid_credentials', 401, 'The current password is not right.', {
        fields: [{ path: 'body.currentPassword', message: 'is not right' }],
      });
    }
    assertPasswordAcceptable(input.newPassword, { email: me.email });
    const passwordHash = await hashPassword(input.newPassword);
    const [current] = await this.db
      .select()
      .from(workspace)
      .where(eq(workspace.id, ctx.workspaceId));
    return this.db.transaction(async (tx) => {
      await tx
        .update(user)
        .set({ passwordHash, passwordChangedAt: sql`now()` })
        .where(eq(user.id, me.id));
      // Every device signs in again; this one gets a fresh session below.
      await revokeSessions(tx, this.services.cache, { userId: me.id }, 'password_changed');
      await recordEvent(tx, {
        type: 'auth.password_changed',
        workspaceId: ctx.workspaceId,
        actorId: me.id,
        entity: 'user',
        entityId: me.id,
        client,
      });
      return this.signIn(tx, me, current!, ctx.actor.role, client);
    });
  }

  async me(ctx: RequestContext): Promise<MeResponse> {
    const [me] = await this.db.select().from(user).where(eq(user.id, ctx.actor.userId));
    const memberships = await this.activeMemberships(ctx.actor.userId);
    const current = memberships.find((m) => m.workspace.id === ctx.workspaceId);
    if (!me || !current)
      throw new AppError('not_a_member', 403, 'You are no longer a member of this workspace.');
    return {
      user: presentUser(me),
      workspace: current.workspace,
      role: ctx.actor.role,
      permissions: permissionsOf(ctx.actor.role),
      memberships,
      via: ctx.actor.via,
    };
  }

  /** Issues a session for an authenticated user in a workspace, inside the caller's transaction. */
  async signIn(
    tx: DbOrTx,
    who: typeof user.$inferSelect,
    where: { id: string; name: string },
    role: Role,
    client: ClientInfo,
  ): Promise<SignedIn> {
    const created = await createSession(tx, who.id, where.id, client);
    const accessToken = await this.tokens.sign({
      userId: who.id,
      workspaceId: where.id,
      role,
      sessionId: created.sessionId,
    });
    return {
      body: {
        accessToken,
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
        user: presentUser(who),
        workspace: { id: where.id, name: where.name },
        role,
      },
      refreshToken: created.refreshToken,
      refreshExpiresAt: created.expiresAt,
    };
  }

  async activeMemberships(
    userId: string,
  ): Promise<{ workspace: { id: string; name: string }; role: Role }[]> {
    const rows = await this.db
      .select({ id: workspace.id, name: workspace.name, role: membership.role })
      .from(membership)
      .innerJoin(workspace, eq(workspace.id, membership.workspaceId))
      .where(and(eq(membership.userId, userId), eq(membership.status, 'active')))
      .orderBy(asc(membership.createdAt));
    return rows.map((r) => ({ workspace: { id: r.id, name: r.name }, role: r.role }));
  }

  /** A failed sign-in is shown to the admins of every workspace the account belongs to. */
  private async recordFailedLogin(userId: string, client: ClientInfo): Promise<void> {
    const memberships = await this.activeMemberships(userId);
    for (const m of memberships) {
      await recordEvent(this.db, {
        type: 'auth.login_failed',
        workspaceId: m.workspace.id,
        actorId: userId,
        entity: 'user',
        entityId: userId,
        client,
      });
    }
  }

  private requireSession(ctx: RequestContext): string {
    if (!ctx.actor.sessionId) {
      throw new AppError(
        'session_required',
        403,
        'Only a signed-in person can do this, not an API key.',
      );
    }
    return ctx.actor.sessionId;
  }
}
