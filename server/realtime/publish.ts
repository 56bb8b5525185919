import { EVENTS_CHANNEL } from '../lib/jobs/job-queue';
import type { Logger } from '../lib/logger';
import type { PubSub } from '../lib/pubsub/pubsub';
import { type LiveEvent, LiveEventSchema } from './live-event';

/**
 * Publishes a live event to every api process (Redis pub/sub at scale, in-process otherwise);
 * each one pushes it to the connected members of `event.workspaceId`.
 *
 *   await publishEvent(services, {
 *     type: 'battlecard.updated', entity: 'battlecard', id: card.id,
 *     workspaceId: ctx.workspaceId, data: { status: 'published' },
 *     visibleTo: card.visibility === 'private' ? { userIds: [card.ownerId] } : undefined,
 *   });
 *
 * Call it after the transaction that made the change has committed (a client that reacts by
 * refetching must see the new rows). Live events are best effort: a pub/sub failure is logged
 * and reported as `false`, never thrown — the change itself is already stored.
 */
export async function publishEvent<D extends Record<string, unknown>>(
  services: { pubsub: PubSub; log: Logger },
  event: LiveEvent<D>,
): Promise<boolean> {
  // Validated here so a malformed event fails loudly in the publisher's tests, not silently
  // in every hub that drops it.
  const parsed = LiveEventSchema.parse(event);
  try {
    await services.pubsub.publish(EVENTS_CHANNEL, parsed);
    return true;
  } catch (err) {
    services.log.warn({ err, type: parsed.type, id: parsed.id }, 'live event not published');
    return false;
  }
}
