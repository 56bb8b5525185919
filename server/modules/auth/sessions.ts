import { and, eq, isNull, sql } from 'drizzle-orm';
import { refreshToken, session } from '../../db/schema';
import type { ClientInfo } from '../../lib/context';
import type { DbOrTx } from '../../lib/db/database';
import type { Cache } from '../../lib/cache/cache';
import { randomToken, tokenHash } from './tokens';

/** A sign-in lasts at most this long, however often it is refreshed. */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export const sessionCacheKey = (sessionId: string) => `auth:session:${sessionId}`;

export interface NewSession {
  sessionId: string;
  refreshToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: DbOrTx,
  userId: string,
  workspaceId: string,
  client: ClientInfo,
): Promise<NewSession> {
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  const [row] = await db
    .insert(session)
    .values({
      userId,
      workspaceId,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      expiresAt,
    })
    .returning({ id: session.id });
  const token = await issueRefreshToken(db, row!.id);
  return { sessionId: row!.id, refreshToken: token, expiresAt };
}

export async function issueRefreshToken(db: DbOrTx, sessionId: string): Promise<string> {
  const token = randomToken();
  await db.insert(refreshToken).values({ tokenHash: tokenHash(token), sessionId });
  return token;
}

export type RotateResult =
  | { kind: 'rotated'; sessionId: string }
  | { kind: 'reused'; sessionId: string }
  | { kind: 'unknown' };

/**
 * Marks a refresh token used — atomically, so of many concurrent refreshes with one token
 * exactly one wins. A token already used means it was replayed: the caller revokes its family.
 */
export async function consumeRefreshToken(db: DbOrTx, token: string): Promise<RotateResult> {
  const hash = tokenHash(token);
  const [won] = await db
    .update(refreshToken)
    .set({ usedAt: sql`now()` })
    .where(and(eq(refreshToken.tokenHash, hash), isNull(refreshToken.usedAt)))
    .returning({ sessionId: refreshToken.sessionId });
  if (won) return { kind: 'rotated', sessionId: won.sessionId };
  const [seen] = await db
    .select({ sessionId: refreshToken.sessionId })
    .from(refreshToken)
    .where(eq(refreshToken.tokenHash, hash));
  return seen ? { kind: 'reused', sessionId: seen.sessionId } : { kind: 'unknown' };
}

/** Revokes sessions matching `where`; returns their ids so callers can clear caches. */
export async function revokeSessions(
  db: DbOrTx,
  cache: Cache,
  where: { sessionId?: string; userId?: string; workspaceId?: string },
  reason: string,
): Promise<string[]> {
  const conditions = [isNull(session.revokedAt)];
  if (where.sessionId) conditions.push(eq(session.id, where.sessionId));
  if (where.userId) conditions.push(eq(session.userId, where.userId));
  if (where.workspaceId) conditions.push(eq(session.workspaceId, where.workspaceId));
  const revoked = await db
    .update(session)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(...conditions))
    .returning({ id: session.id });
  const ids = revoked.map((r) => r.id);
  await cache.delete(...ids.map(sessionCacheKey));
  return ids;
}
