import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ApiKey, CreateApiKeyBodySchema } from '../../../common/auth';
import { hasRole } from '../../../common/permissions';
import { apiKey } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError, forbidden } from '../../lib/errors';
import type { Services } from '../../services';
import { recordEvent } from '../audit/audit.service';
import { authorize } from '../auth/auth.policy';
import { API_KEY_PREFIX, apiKeyCacheKey } from '../auth/authenticate';
import { randomToken, tokenHash } from '../auth/tokens';

const DAY_MS = 24 * 60 * 60 * 1000;

function presentApiKey(row: typeof apiKey.$inferSelect): ApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Personal keys: each person manages their own, scoped to this workspace and a role ≤ theirs. */
export async function createApiKey(
  ctx: RequestContext,
  input: z.infer<typeof CreateApiKeyBodySchema>,
): Promise<{ apiKey: ApiKey; secret: string }> {
  authorize(ctx, 'apiKeys.manage');
  if (ctx.actor.via !== 'session') {
    throw new AppError(
      'session_required',
      403,
      'API keys are created by a signed-in person, not by another key.',
    );
  }
  const role = input.role ?? ctx.actor.role;
  if (!hasRole(ctx.actor.role, role))
    throw forbidden('An API key cannot have a higher role than yours.');
  const secret = `${API_KEY_PREFIX}${randomToken(32)}`;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKey)
      .values({
        workspaceId: ctx.workspaceId,
        userId: ctx.actor.userId,
        name: input.name,
        role,
        prefix: secret.slice(0, 10),
        keyHash: tokenHash(secret),
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null,
      })
      .returning();
    await recordEvent(tx, {
      type: 'api_key.created',
      workspaceId: ctx.workspaceId,
      actorId: ctx.actor.userId,
      entity: 'api_key',
      entityId: row!.id,
      data: { name: input.name, role },
      client: ctx,
    });
    return { apiKey: presentApiKey(row!), secret };
  });
}

export async function listApiKeys(ctx: RequestContext): Promise<ApiKey[]> {
  authorize(ctx, 'apiKeys.manage');
  const rows = await ctx.db
    .select()
    .from(apiKey)
    .where(and(eq(apiKey.workspaceId, ctx.workspaceId), eq(apiKey.userId, ctx.actor.userId)))
    .orderBy(desc(apiKey.createdAt));
  return rows.map(presentApiKey);
}

export async function revokeApiKey(
  services: Services,
  ctx: RequestContext,
  id: string,
): Promise<void> {
  authorize(ctx, 'apiKeys.manage');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKey)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(apiKey.id, id),
          eq(apiKey.workspaceId, ctx.workspaceId),
          eq(apiKey.userId, ctx.actor.userId),
          isNull(apiKey.revokedAt),
        ),
      )
      .returning();
    if (!row) throw new AppError('api_key_not_found', 404, 'API key not found.');
    await services.cache.delete(apiKeyCacheKey(row.keyHash));
    await recordEvent(tx, {
      type: 'api_key.revoked',
      workspaceId: ctx.workspaceId,
      actorId: ctx.actor.userId,
      entity: 'api_key',
      entityId: id,
      client: ctx,
    });
  });
}
