/**
 * Fan-out of live events (job progress, card updates, detected changes) to every api process.
 * In-process EventEmitter when alone; Redis pub/sub when several processes run (REDIS_URL).
 * Delivery is best effort: a message published while a subscriber is away is not replayed.
 */
export type MessageHandler = (message: unknown) => void;

export interface PubSub {
  readonly kind: 'memory' | 'redis';
  publish(channel: string, message: unknown): Promise<void>;
  /** Resolves once the subscription is active; the returned function ends it. */
  subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
