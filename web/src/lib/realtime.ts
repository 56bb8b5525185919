/**
 * The browser's live connection to /ws: one socket per tab, opened while signed in.
 *
 * The access token travels as a subprotocol (`['ringside.v1', 'bearer.<jwt>']`) because a
 * browser cannot set headers on a WebSocket. When the server closes for an expired or rotated
 * token the client refreshes it (through the API client, which shares one refresh across
 * callers and tabs) and reconnects at once; other drops reconnect with backoff and jitter.
 * React code uses the hooks in realtime-hooks.ts.
 */
import {
  BEARER_PROTOCOL_PREFIX,
  REALTIME_PROTOCOL,
  type RealtimeMessage,
} from '../../../common/realtime';
import { currentAccessToken } from './api';
import { actionOnClose, reconnectDelay } from './realtime-policy';
import { RecentEvents } from './recent-events';

export type { RealtimeMessage };
export type RealtimeStatus = 'offline' | 'connecting' | 'open' | 'reconnecting';
export type RealtimeHandler = (message: RealtimeMessage) => void;

/** A client ping keeps idle proxies from closing the socket and proves the path works. */
const PING_EVERY_MS = 25_000;
/** No answer to a ping within this long: the socket is dead even if the browser has not noticed. */
const PONG_TIMEOUT_MS = 10_000;

class RealtimeClient {
  private socket: WebSocket | null = null;
  private wanted = false;
  private attempt = 0;
  private forceRefresh = false;
  private everOpened = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;
  private currentStatus: RealtimeStatus = 'offline';
  private readonly handlers = new Map<string, Set<RealtimeHandler>>();
  private readonly anyHandlers = new Set<RealtimeHandler>();
  private readonly statusListeners = new Set<() => void>();
  private readonly recentEvents = new RecentEvents();
  /** Called when a socket opens again after a drop: events may have been missed meanwhile. */
  onReconnected: (() => void) | undefined;

  get status(): RealtimeStatus {
    return this.currentStatus;
  }

  /** Opens the connection (signed in); calling it again while open does nothing. */
  start(): void {
    if (this.wanted) return;
    this.wanted = true;
    this.attempt = 0;
    window.addEventListener('online', this.reconnectNow);
    document.addEventListener('visibilitychange', this.reconnectNow);
    void this.connect();
  }

  /** Closes the connection (signed out, or switching workspace). */
  stop(): void {
    this.wanted = false;
    this.everOpened = false;
    window.removeEventListener('online', this.reconnectNow);
    document.removeEventListener('visibilitychange', this.reconnectNow);
    clearTimeout(this.retryTimer);
    this.stopPinging();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'signed_out');
    this.recentEvents.clear();
    this.setStatus('offline');
  }

  /** Listens to one event type (`job.progress`), or to every event with `*`. */
  on(type: string, handler: RealtimeHandler): () => void {
    if (type === '*') {
      this.anyHandlers.add(handler);
      return () => this.anyHandlers.delete(handler);
    }
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }

  /** Events about one entity (e.g. a job id) received in the last minute, oldest first. */
  recent(id: string, type?: string): RealtimeMessage[] {
    return this.recentEvents.about(id, type);
  }

  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private setStatus(status: RealtimeStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    for (const listener of this.statusListeners) listener();
  }

  /** Back online or back in view while waiting to retry: try now instead of later. */
  private readonly reconnectNow = () => {
    if (!this.wanted || this.socket || document.visibilityState === 'hidden') return;
    clearTimeout(this.retryTimer);
    void this.connect();
  };

  private async connect(): Promise<void> {
    this.setStatus(this.everOpened ? 'reconnecting' : 'connecting');
    let token: string | null;
    try {
      token = await currentAccessToken(this.forceRefresh);
    } catch {
      this.scheduleRetry(false);
      return;
    }
    if (!this.wanted || this.socket) return;
    if (!token) {
      // Signed out meanwhile: the auth provider takes the page to sign-in.
      this.setStatus('offline');
      return;
    }
    this.forceRefresh = false;
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${window.location.host}/ws`, [
      REALTIME_PROTOCOL,
      `${BEARER_PROTOCOL_PREFIX}${token}`,
    ]);
    this.socket = socket;
    socket.onmessage = (event: MessageEvent<string>) => {
      this.receive(event.data);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.stopPinging();
      this.afterClose(event.code);
    };
  }

  private receive(raw: string): void {
    let message: RealtimeMessage;
    try {
      message = JSON.parse(raw) as RealtimeMessage;
    } catch {
      return;
    }
    clearTimeout(this.pongTimer);
    if (message.type === 'ready') {
      const reconnected = this.everOpened;
      this.everOpened = true;
      this.attempt = 0;
      this.setStatus('open');
      this.startPinging();
      if (reconnected) this.onReconnected?.();
    }
    this.recentEvents.remember(message);
    for (const handler of this.handlers.get(message.type) ?? []) handler(message);
    for (const handler of this.anyHandlers) handler(message);
  }

  private afterClose(code: number): void {
    if (!this.wanted) return;
    const action = actionOnClose(code);
    if (action === 'stop') {
      this.wanted = false;
      this.setStatus('offline');
      return;
    }
    if (action === 'refresh' && this.attempt === 0) {
      // Once at once; a second refusal in a row backs off like any other failure.
      this.forceRefresh = true;
      this.attempt = 1;
      void this.connect();
      return;
    }
    this.forceRefresh = action === 'refresh';
    this.scheduleRetry(action === 'slow-retry');
  }

  private scheduleRetry(slow: boolean): void {
    if (!this.wanted) return;
    this.setStatus(this.everOpened ? 'reconnecting' : 'connecting');
    const delay = reconnectDelay(this.attempt, slow);
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      void this.connect();
    }, delay);
  }

  private startPinging(): void {
    this.stopPinging();
    this.pingTimer = setInterval(() => {
      const socket = this.socket;
      if (socket?.readyState !== WebSocket.OPEN) return;
      socket.send(JSON.stringify({ type: 'ping' }));
      clearTimeout(this.pongTimer);
      this.pongTimer = setTimeout(() => {
        // Dead path: close it ourselves so the retry starts now, not after TCP gives up.
        socket.close(4000, 'no_pong');
        if (this.socket === socket) {
          this.socket = null;
          this.afterClose(1006);
        }
      }, PONG_TIMEOUT_MS);
    }, PING_EVERY_MS);
  }

  private stopPinging(): void {
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
  }
}

/** The tab's one live connection. */
export const realtime = new RealtimeClient();
