import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Page } from '../../../common/pagination';
import {
  type CreateWebhookBodySchema,
  type ListDeliveriesQuerySchema,
  type UpdateWebhookBodySchema,
  WEBHOOKS_PER_WORKSPACE_MAX,
  type Webhook,
  type WebhookAttempt,
  type WebhookTestResult,
  type WebhookWithSecret,
} from '../../../common/notifications';
import { webhook, webhookAttempt, webhookDelivery } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { exactTimestamp, olderThanCursor } from '../../lib/keyset';
import { toPage } from '../../lib/pagination';
import type { Services } from '../../services';
import { recordAction } from '../audit/audit.service';
import { authorize } from '../auth/auth.policy';
import { webhookBody } from './webhook-payloads';
import { attemptDelivery } from './webhook-delivery';
import { newWebhookSecret } from './webhook-signature';

/** Webhooks of the workspace; admins only, since a webhook sends workspace intel outside. */

const webhookNotFound = () => notFound('Webhook', 'webhook_not_found');

type Row = typeof webhook.$inferSelect;

const lastDeliverySql = sql<{ status: string; at: string } | null>`(
  select json_build_object('status', d.status, 'at', d.created_at)
  from ${webhookDelivery} d where d.webhook_id = "webhook"."id"
  order by d.created_at desc limit 1)`;

function present(row: Row, last: { status: string; at: string } | null): Webhook {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    format: row.format,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    lastDelivery: last
      ? {
          status: last.status as NonNullable<Webhook['lastDelivery']>['status'],
          at: new Date(last.at).toISOString(),
        }
      : null,
  };
}

async function requireWebhook(ctx: RequestContext, id: string): Promise<Row> {
  const [row] = await ctx.db
    .select()
    .from(webhook)
    .where(and(eq(webhook.id, id), eq(webhook.workspaceId, ctx.workspaceId)));
  if (!row) throw webhookNotFound();
  return row;
}

export async function listWebhooks(ctx: RequestContext): Promise<{ items: Webhook[] }> {
  authorize(ctx, 'workspace.manage');
  const rows = await ctx.db
    .select({ row: webhook, last: lastDeliverySql })
    .from(webhook)
    .where(eq(webhook.workspaceId, ctx.workspaceId))
    .orderBy(webhook.createdAt);
  return {
    items: rows.map((r) => present(r.row, r.last)),
  };
}

export async function createWebhook(
  ctx: RequestContext,
  input: z.infer<typeof CreateWebhookBodySchema>,
): Promise<WebhookWithSecret> {
  authorize(ctx, 'workspace.manage');
  const secret = newWebhookSecret();
  const row = await ctx.db.transaction(async (tx) => {
    // Serialises creates of one workspace so the cap cannot be raced past.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`webhooks:${ctx.workspaceId}`}))`);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(webhook)
      .where(eq(webhook.workspaceId, ctx.workspaceId));
    if (n >= WEBHOOKS_PER_WORKSPACE_MAX) {
      throw new AppError(
        'webhook_limit',
        409,
        `A workspace can have at most ${WEBHOOKS_PER_WORKSPACE_MAX} webhooks.`,
      );
    }
    const [created] = await tx
      .insert(webhook)
      .values({ ...input, workspaceId: ctx.workspaceId, secret, createdBy: ctx.actor.userId })
      .returning();
    await recordAction(tx, ctx, 'webhook.created', created!.id, {
      format: input.format,
      url: input.url,
    });
    return created!;
  });
  return { ...present(row, null), secret };
}

export async function updateWebhook(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof UpdateWebhookBodySchema>,
): Promise<Webhook> {
  authorize(ctx, 'workspace.manage');
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(webhook)
      .set({ ...input, updatedAt: sql`now()` })
      .where(and(eq(webhook.id, id), eq(webhook.workspaceId, ctx.workspaceId)))
      .returning({ id: webhook.id });
    if (updated.length === 0) throw webhookNotFound();
    await recordAction(tx, ctx, 'webhook.updated', id, { fields: Object.keys(input) });
  });
  return getWebhook(ctx, id);
}

export async function getWebhook(ctx: RequestContext, id: string): Promise<Webhook> {
  authorize(ctx, 'workspace.manage');
  const [r] = await ctx.db
    .select({ row: webhook, last: lastDeliverySql })
    .from(webhook)
    .where(and(eq(webhook.id, id), eq(webhook.workspaceId, ctx.workspaceId)));
  if (!r) throw webhookNotFound();
  return present(r.row, r.last);
}

export async function deleteWebhook(ctx: RequestContext, id: string): Promise<void> {
  authorize(ctx, 'workspace.manage');
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(webhook)
      .where(and(eq(webhook.id, id), eq(webhook.workspaceId, ctx.workspaceId)))
      .returning({ id: webhook.id });
    if (deleted.length === 0) throw webhookNotFound();
    await recordAction(tx, ctx, 'webhook.deleted', id);
  });
}

/** A new secret; the old one stops working at once. Shown once, like at creation. */
export async function rotateSecret(ctx: RequestContext, id: string): Promise<WebhookWithSecret> {
  authorize(ctx, 'workspace.manage');
  const secret = newWebhookSecret();
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(webhook)
      .set({ secret, updatedAt: sql`now()` })
      .where(and(eq(webhook.id, id), eq(webhook.workspaceId, ctx.workspaceId)))
      .returning({ id: webhook.id });
    if (updated.length === 0) throw webhookNotFound();
    await recordAction(tx, ctx, 'webhook.secret_rotated', id);
  });
  return { ...(await getWebhook(ctx, id)), secret };
}

/** Sends a test event now, once, and answers with what the receiver said (also logged). */
export async function testWebhook(
  services: Services,
  ctx: RequestContext,
  id: string,
): Promise<WebhookTestResult> {
  authorize(ctx, 'workspace.manage');
  const row = await requireWebhook(ctx, id);
  const deliveryId = crypto.randomUUID();
  const body = webhookBody(row.format, {
    type: 'webhook.test',
    deliveryId,
    workspaceId: ctx.workspaceId,
    link: `${services.config.publicUrl}/settings/notifications`,
  });
  await ctx.db.insert(webhookDelivery).values({
    id: deliveryId,
    workspaceId: ctx.workspaceId,
    webhookId: id,
    event: 'webhook.test',
    body,
  });
  const result = await attemptDelivery(services, deliveryId, 1, true);
  return {
    deliveryId,
    ok: result.outcome === 'delivered',
    httpStatus: result.httpStatus,
    durationMs: result.durationMs,
    error: result.error,
  };
}

/** The delivery log: one row per HTTP attempt, newest first. */
export async function listAttempts(
  ctx: RequestContext,
  id: string,
  query: z.infer<typeof ListDeliveriesQuerySchema>,
): Promise<Page<WebhookAttempt>> {
  authorize(ctx, 'workspace.manage');
  await requireWebhook(ctx, id);
  const rows = await ctx.db
    .select({
      a: webhookAttempt,
      key: exactTimestamp(webhookAttempt.at),
      event: webhookDelivery.event,
      changeId: webhookDelivery.changeId,
    })
    .from(webhookAttempt)
    .innerJoin(webhookDelivery, eq(webhookDelivery.id, webhookAttempt.deliveryId))
    .where(
      and(
        eq(webhookAttempt.webhookId, id),
        olderThanCursor(query.cursor, webhookAttempt.at, webhookAttempt.id),
      ),
    )
    .orderBy(desc(webhookAttempt.at), desc(webhookAttempt.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => [r.key, r.a.id],
    (r) => ({
      id: r.a.id,
      deliveryId: r.a.deliveryId,
      event: r.event,
      changeId: r.changeId,
      attempt: r.a.attempt,
      outcome: r.a.outcome,
      httpStatus: r.a.httpStatus,
      durationMs: r.a.durationMs,
      error: r.a.error,
      at: r.a.at.toISOString(),
    }),
  );
}
