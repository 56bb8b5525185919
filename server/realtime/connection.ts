import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { CLOSE_CODES, type CloseReason, type RealtimeMessage } from '../../common/realtime';
import type { Principal } from './handshake';

/** Limits of the hub; the defaults suit browsers (a few tabs, a ping now and then). */
export interface HubLimits {
  /** Open sockets per user in one api process (one per tab). */
  maxConnectionsPerUser: number;
  /** Client messages: a bucket of `messageBurst`, refilled at `messagesPerSecond`. */
  messagesPerSecond: number;
  messageBurst: number;
  /** A ping every interval; a socket that has not answered the previous one is dropped. */
  heartbeatMs: number;
  /** How often session and membership are re-read (the cache makes it cheap). */
  revalidateMs: number;
  /** Unsent bytes above this mean a client that cannot keep up: it is closed. */
  maxBufferedBytes: number;
}

export const DEFAULT_HUB_LIMITS: HubLimits = {
  maxConnectionsPerUser: 12,
  messagesPerSecond: 5,
  messageBurst: 20,
  heartbeatMs: 30_000,
  revalidateMs: 15_000,
  maxBufferedBytes: 1024 * 1024,
};

/** The largest client message; clients only send small control messages. */
export const MAX_CLIENT_MESSAGE_BYTES = 4 * 1024;

/** One open socket of a signed-in member. */
export class Connection {
  readonly id = randomUUID();
  /** Cleared by each heartbeat, set again by the client's pong (or any message). */
  alive = true;
  closed = false;
  private tokens: number;
  private refilledAt = Date.now();
  private expiryTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly socket: WebSocket,
    readonly principal: Principal,
    private readonly limits: () => HubLimits,
  ) {
    this.tokens = limits().messageBurst;
  }

  /** Closes with `tokenExpired` when the access token runs out; the client reconnects fresh. */
  armExpiry(onExpired: () => void): void {
    const ms = Math.max(0, this.principal.expiresAt - Date.now());
    this.expiryTimer = setTimeout(onExpired, ms);
    this.expiryTimer.unref();
  }

  /** Takes one message from the rate bucket; false when the client is over its rate. */
  takeMessage(now = Date.now()): boolean {
    const { messagesPerSecond, messageBurst } = this.limits();
    this.tokens = Math.min(
      messageBurst,
      this.tokens + ((now - this.refilledAt) / 1000) * messagesPerSecond,
    );
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Sends a serialised message; a client too far behind is closed instead. */
  sendRaw(raw: string): void {
    if (this.closed) return;
    if (this.socket.bufferedAmount > this.limits().maxBufferedBytes) {
      this.close(CLOSE_CODES.tooMany, 'slow_consumer');
      return;
    }
    this.socket.send(raw);
  }

  send(message: RealtimeMessage<object>): void {
    this.sendRaw(JSON.stringify(message));
  }

  close(code: number, reason: CloseReason): void {
    if (this.closed) return;
    this.closed = true;
    this.dispose();
    this.socket.close(code, reason);
  }

  dispose(): void {
    clearTimeout(this.expiryTimer);
  }
}
