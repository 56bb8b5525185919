import { eq } from 'drizzle-orm';
import { workspace } from '../../db/schema';
import type { Tx } from '../../lib/db/database';
import { EVENTS_CHANNEL } from '../../lib/jobs/job-queue';
import type { Services } from '../../services';

/** The importance at or above which the workspace wants changes announced. */
export async function alertThreshold(tx: Tx, workspaceId: string): Promise<number> {
  const [ws] = await tx
    .select({ threshold: workspace.changeAlertThreshold })
    .from(workspace)
    .where(eq(workspace.id, workspaceId));
  return ws?.threshold ?? 1;
}

/**
 * Publishes `change.detected` (after the change is committed) when it matters enough; the
 * realtime hub forwards it to the workspace's WebSocket clients. Returns whether it did.
 */
export async function announceChange(
  services: Services,
  change: {
    id: string;
    workspaceId: string;
    competitorId: string;
    class: string;
    importance: number;
    summary: string;
  },
  threshold: number,
): Promise<boolean> {
  if (change.importance < threshold) return false;
  await services.pubsub.publish(EVENTS_CHANNEL, {
    type: 'change.detected',
    entity: 'change',
    id: change.id,
    workspaceId: change.workspaceId,
    data: {
      competitorId: change.competitorId,
      class: change.class,
      importance: change.importance,
      summary: change.summary,
    },
  });
  return true;
}
