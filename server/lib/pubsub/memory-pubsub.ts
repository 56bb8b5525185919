import type { Logger } from '../logger';
import type { MessageHandler, PubSub } from './pubsub';

export function createMemoryPubSub(log?: Logger): PubSub {
  const handlers = new Map<string, Set<MessageHandler>>();
  return {
    kind: 'memory',
    publish(channel, message) {
      const set = handlers.get(channel);
      if (!set || set.size === 0) return Promise.resolve();
      // A JSON round trip gives subscribers what Redis would: copies, dates as strings.
      const raw = JSON.stringify(message);
      // Delivered on a later tick, like Redis, so a publisher never runs subscriber code inline.
      setImmediate(() => {
        for (const handler of [...set]) {
          try {
            handler(JSON.parse(raw));
          } catch (err) {
            log?.error({ err, channel }, 'pub/sub handler failed');
          }
        }
      });
      return Promise.resolve();
    },
    subscribe(channel, handler) {
      let set = handlers.get(channel);
      if (!set) handlers.set(channel, (set = new Set()));
      set.add(handler);
      return Promise.resolve(() => {
        set.delete(handler);
        if (set.size === 0 && handlers.get(channel) === set) handlers.delete(channel);
        return Promise.resolve();
      });
    },
    ping: () => Promise.resolve(),
    close() {
      handlers.clear();
      return Promise.resolve();
    },
  };
}
