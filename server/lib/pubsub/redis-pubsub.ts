import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import type { MessageHandler, PubSub } from './pubsub';

/**
 * Publishes on the shared connection; subscribes on a dedicated one (a subscribed Redis
 * connection can do nothing else). Channels carry `prefix` so deployments can share a Redis.
 */
export async function createRedisPubSub(
  redis: Redis,
  prefix: string,
  log?: Logger,
): Promise<PubSub> {
  const subscriber = redis.duplicate();
  subscriber.on('error', (err: Error) => log?.debug({ err }, 'redis subscriber error'));
  await subscriber.connect().catch(() => {
    // duplicate() inherits lazyConnect; if it is already connecting this is harmless.
  });
  const handlers = new Map<string, Set<MessageHandler>>();
  const active = new Map<string, Promise<unknown>>();

  subscriber.on('message', (fullChannel: string, raw: string) => {
    const set = handlers.get(fullChannel);
    if (!set) return;
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch (err) {
      log?.warn({ err, channel: fullChannel }, 'dropped a malformed pub/sub message');
      return;
    }
    for (const handler of set) {
      try {
        handler(message);
      } catch (err) {
        log?.error({ err, channel: fullChannel }, 'pub/sub handler failed');
      }
    }
  });

  return {
    kind: 'redis',
    async publish(channel, message) {
      try {
        await redis.publish(prefix + channel, JSON.stringify(message));
      } catch (err) {
        log?.warn({ err, channel }, 'pub/sub publish failed; live update skipped');
      }
    },
    async subscribe(channel, handler) {
      const full = prefix + channel;
      let set = handlers.get(full);
      if (!set) {
        set = new Set();
        handlers.set(full, set);
        active.set(full, subscriber.subscribe(full));
      }
      set.add(handler);
      // Concurrent subscribers of a new channel all wait for the one SUBSCRIBE.
      await active.get(full);
      return async () => {
        const current = handlers.get(full);
        if (!current?.delete(handler) || current.size > 0) return;
        handlers.delete(full);
        active.delete(full);
        await subscriber.unsubscribe(full).catch(() => {});
      };
    },
    async ping() {
      await redis.ping();
      await subscriber.ping();
    },
    close() {
      handlers.clear();
      subscriber.disconnect();
      return Promise.resolve();
    },
  };
}
