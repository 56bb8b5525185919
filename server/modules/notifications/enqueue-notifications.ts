import { and, eq } from 'drizzle-orm';
import { change, competitor, notableChange, webhook, webhookDelivery } from '../../db/schema';
import type { Tx } from '../../lib/db/database';
import type { Services } from '../../services';
import { isNotable, noiseRulesOf } from './noise-rules';
import { type ChangeEvent, webhookBody } from './webhook-payloads';
import { webhookDeliveryJob, webhookRetryDelayOf } from './webhook-delivery';

/** Where a change opens in the web app. */
export const changeLink = (services: Services, changeId: string) =>
  `${services.config.publicUrl}/changes?change=${changeId}`;

/**
 * Called inside the transaction that records a change: when the change passes the workspace's
 * noise rules, one delivery per enabled webhook is written and its job enqueued — all of it
 * commits or rolls back with the change. Returns whether the change is notable (the caller
 * pushes it live only then).
 */
export async function enqueueChangeNotifications(
  tx: Tx,
  services: Services,
  changeId: string,
): Promise<boolean> {
  const [row] = await tx
    .select({ change, competitorName: competitor.name })
    .from(change)
    .innerJoin(competitor, eq(competitor.id, change.competitorId))
    .where(eq(change.id, changeId));
  if (!row) return false;
  const c = row.change;
  const rules = await noiseRulesOf(tx, c.workspaceId);
  if (!isNotable(rules, c)) return false;
  await tx
    .insert(notableChange)
    .values({ changeId: c.id, workspaceId: c.workspaceId })
    .onConflictDoNothing();

  const hooks = await tx
    .select({ id: webhook.id, format: webhook.format })
    .from(webhook)
    .where(and(eq(webhook.workspaceId, c.workspaceId), eq(webhook.enabled, true)));
  const event: ChangeEvent = {
    id: c.id,
    workspaceId: c.workspaceId,
    competitor: { id: c.competitorId, name: row.competitorName },
    class: c.class,
    importance: c.importance,
    summary: c.summary,
    url: c.url,
    priceChanges: c.priceChanges,
    detectedAt: c.detectedAt.toISOString(),
    link: changeLink(services, c.id),
  };
  for (const hook of hooks) {
    const deliveryId = crypto.randomUUID();
    await tx.insert(webhookDelivery).values({
      id: deliveryId,
      workspaceId: c.workspaceId,
      webhookId: hook.id,
      event: 'change.detected',
      changeId: c.id,
      body: webhookBody(hook.format, { type: 'change.detected', deliveryId, change: event }),
    });
    await services.jobs.enqueue(
      tx,
      webhookDeliveryJob,
      { deliveryId },
      {
        workspaceId: c.workspaceId,
        idempotencyKey: `webhook.deliver:${deliveryId}`,
        retryDelaySeconds: webhookRetryDelayOf(services),
      },
    );
  }
  return true;
}
