import { EVENTS_CHANNEL } from '../../lib/jobs/job-queue';
import type { Services } from '../../services';

/**
 * Publishes `change.detected` (after the change is committed) when the change passed the
 * workspace's noise rules — decided inside the recording transaction by
 * `enqueueChangeNotifications`, which also queues the webhooks. The realtime hub forwards the
 * event to the workspace's WebSocket clients. Returns whether it did.
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
  notable: boolean,
): Promise<boolean> {
  if (!notable) return false;
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
