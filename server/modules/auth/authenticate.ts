import { and, eq, sql } from 'drizzle-orm';
import type {
  FastifyInstance,
  FastifyBaseLogger,
  FastifyReply,
  FastifyRequest,
  preHandlerAsyncHookHandler,
} from 'fastify';
import { type Role, hasRole } from '../../../common/permissions';
import { apiKey, membership, session, user } from '../../db/schema';
import type { Actor, RequestContext } from '../../lib/context';
import type { DbOrTx } from '../../lib/db/database';
import { AppError } from '../../lib/errors';
import { limit } from '../../lib/rate-limit/limit';
import type { Services } from '../../services';
import { sessionCacheKey } from './sessions';
import { type AccessTokens, tokenHash } from './tokens';

export type Access = 'public' | 'member';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api route declares it: `public`, or `member` (a signed-in member of a workspace). */
    access?: Access;
  }
  interface FastifyRequest {
    ctx: RequestContext | null;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access, for audits and tests. */
    apiRoutes: { method: string; url: string; access: Access }[];
  }
}

const PRINCIPAL_TTL_MS = 60_000;
export const API_KEY_PREFIX = 'rk_';

export const memberCacheKey = (workspaceId: string, userId: string) =>
  `auth:member:${workspaceId}:${userId}`;
export const apiKeyCacheKey = (hash: string) => `auth:apikey:${hash}`;

interface MemberState {
  role: Role;
  active: boolean;
}
interface ApiKeyState {
  id: string;
  workspaceId: string;
  userId: string;
  role: Role;
  usable: boolean;
  expiresAt: string | null;
}

const unauthenticated = (message = 'Sign in to continue.') =>
  new AppError('unauthenticated', 401, message);

/** The membership in force for (workspace, user): active only if both user and membership are. */
export async function memberState(
  services: Services,
  workspaceId: string,
  userId: string,
  /** Inside a transaction pass it: PGlite has one connection, and a query outside would wait. */
  db: DbOrTx = services.database.db,
): Promise<MemberState | null> {
  const key = memberCacheKey(workspaceId, userId);
  const hit = await services.cache.get<MemberState | null>(key);
  if (hit !== undefined) return hit;
  const [row] = await db
    .select({ role: membership.role, status: membership.status, userStatus: user.status })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.workspaceId, workspaceId), eq(membership.userId, userId)));
  const state = row
    ? { role: row.role, active: row.status === 'active' && row.userStatus === 'active' }
    : null;
  await services.cache.set(key, state, PRINCIPAL_TTL_MS);
  return state;
}

export async function sessionUsable(services: Services, sessionId: string): Promise<boolean> {
  const key = sessionCacheKey(sessionId);
  let state = await services.cache.get<{ revoked: boolean; expiresAt: string }>(key);
  if (state === undefined) {
    const [row] = await services.database.db
      .select({ revokedAt: session.revokedAt, expiresAt: session.expiresAt })
      .from(session)
      .where(eq(session.id, sessionId));
    state = row
      ? { revoked: row.revokedAt !== null, expiresAt: row.expiresAt.toISOString() }
      : { revoked: true, expiresAt: new Date(0).toISOString() };
    await services.cache.set(key, state, PRINCIPAL_TTL_MS);
  }
  return !state.revoked && new Date(state.expiresAt).getTime() > Date.now();
}

async function apiKeyState(services: Services, secret: string): Promise<ApiKeyState | null> {
  const hash = tokenHash(secret);
  const key = apiKeyCacheKey(hash);
  const hit = await services.cache.get<ApiKeyState | null>(key);
  if (hit !== undefined) return hit;
  const [row] = await services.database.db.select().from(apiKey).where(eq(apiKey.keyHash, hash));
  const state = row
    ? {
        id: row.id,
        workspaceId: row.workspaceId,
        userId: row.userId,
        role: row.role,
        usable: row.revokedAt === null,
        expiresAt: row.expiresAt?.toISOString() ?? null,
      }
    : null;
  if (row) {
    // Recorded on cache misses only: about once a minute per key in use.
    await services.database.db
      .update(apiKey)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiKey.id, row.id));
  }
  await services.cache.set(key, state, PRINCIPAL_TTL_MS);
  return state;
}

/** The lower of two roles: an API key never exceeds its owner's current role. */
const lowerRole = (a: Role, b: Role): Role => (hasRole(a, b) ? b : a);

async function resolveActor(
  services: Services,
  tokens: AccessTokens,
  bearer: string,
): Promise<Actor> {
  if (bearer.startsWith(API_KEY_PREFIX)) {
    const key = await apiKeyState(services, bearer);
    if (!key || !key.usable) throw unauthenticated('This API key is not valid or was revoked.');
    if (key.expiresAt && new Date(key.expiresAt).getTime() <= Date.now()) {
      throw unauthenticated('This API key has expired.');
    }
    const member = await memberState(services, key.workspaceId, key.userId);
    if (!member?.active)
      throw unauthenticated('The owner of this API key is no longer an active member.');
    return {
      userId: key.userId,
      workspaceId: key.workspaceId,
      role: lowerRole(key.role, member.role),
      via: 'api_key',
      apiKeyId: key.id,
    };
  }
  const claims = await tokens.verify(bearer);
  if (!claims) throw unauthenticated('Your sign-in has expired or is not valid. Sign in again.');
  // Both are cache reads (Redis round trips at scale): ask at once, judge in order.
  const [usable, member] = await Promise.all([
    sessionUsable(services, claims.sessionId),
    memberState(services, claims.workspaceId, claims.userId),
  ]);
  if (!usable) throw unauthenticated('You were signed out. Sign in again.');
  if (!member?.active) {
    throw new AppError(
      'not_a_member',
      403,
      'You are no longer an active member of this workspace.',
    );
  }
  return {
    userId: claims.userId,
    workspaceId: claims.workspaceId,
    role: member.role,
    via: 'session',
    sessionId: claims.sessionId,
  };
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{10,2048})$/.exec(header.trim());
  return match?.[1];
}

/**
 * Requires a signed-in member on every /api route not declared public, and builds the request
 * context. Routes must declare `config.access`; an undeclared /api route fails at startup.
 */
export function registerAuthentication(
  app: FastifyInstance,
  services: Services,
  tokens: AccessTokens,
  perUserLimit: number,
): void {
  app.decorateRequest('ctx', null);
  const apiRoutes: FastifyInstance['apiRoutes'] = [];
  app.decorate('apiRoutes', apiRoutes);

  const authenticate: preHandlerAsyncHookHandler = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ) => {
    const bearer = bearerToken(request);
    if (!bearer) {
      void reply.header('www-authenticate', 'Bearer');
      throw unauthenticated();
    }
    const actor = await resolveActor(services, tokens, bearer);
    let log: FastifyBaseLogger | undefined;
    request.ctx = {
      actor,
      workspaceId: actor.workspaceId,
      db: services.database.db,
      // Made on first use: most requests (a cached card read) never log.
      get log() {
        log ??= request.log.child({ userId: actor.userId, workspaceId: actor.workspaceId });
        return log;
      },
      requestId: request.id,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    };
  };
  const perUser = limit(app, {
    name: 'user',
    max: perUserLimit,
    windowMs: 60_000,
    key: (request) => request.ctx?.actor.userId ?? request.ip,
  });

  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (access !== 'public' && access !== 'member') {
      throw new Error(
        `route ${[route.method].flat().join(',')} ${url} must declare config.access ('public' or 'member')`,
      );
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') apiRoutes.push({ method, url, access });
    }
    if (access === 'public') return;
    const existing = route.preHandler;
    const rest = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
    route.preHandler = [authenticate, perUser, ...rest];
  });
}

/** The context of an authenticated request (routes with access 'member' always have one). */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.ctx) throw unauthenticated();
  return request.ctx;
}
