import { SignJWT } from 'jose';
import WebSocket from 'ws';
import {
  BEARER_PROTOCOL_PREFIX,
  REALTIME_PROTOCOL,
  type RealtimeMessage,
} from '../../common/realtime';
import type { Config } from '../config';
import { rawText } from './client-messages';

/** A real WebSocket client of /ws, recording what it receives. */
export interface TestSocket {
  ws: WebSocket;
  messages: RealtimeMessage[];
  /** Resolves with the close code and reason (never rejects). */
  closed: Promise<{ code: number; reason: string }>;
  /** The first message of `type` (already received or still to come). */
  next(type: string, timeoutMs?: number): Promise<RealtimeMessage>;
  /** Messages of `type` received so far. */
  of(type: string): RealtimeMessage[];
  send(value: unknown): void;
}

export interface OpenOptions {
  token?: string | undefined;
  origin?: string | undefined;
  /** Replaces the offered subprotocols. */
  protocols?: string[];
}

export function openSocket(baseUrl: string, options: OpenOptions = {}): TestSocket {
  const url = `${baseUrl.replace(/^http/, 'ws')}/ws`;
  const protocols = options.protocols ?? [
    REALTIME_PROTOCOL,
    ...(options.token ? [`${BEARER_PROTOCOL_PREFIX}${options.token}`] : []),
  ];
  const ws = new WebSocket(url, protocols, options.origin ? { origin: options.origin } : {});
  const messages: RealtimeMessage[] = [];
  const waiters: { type: string; resolve(m: RealtimeMessage): void }[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(rawText(data)) as RealtimeMessage;
    messages.push(message);
    for (const waiter of waiters.filter((w) => w.type === message.type)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
    });
    ws.on('error', () => {
      // A failed handshake also emits close (1006); the test reads that.
    });
  });
  return {
    ws,
    messages,
    closed,
    next(type, timeoutMs = 5_000) {
      const seen = messages.find((m) => m.type === type);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`no ${type} message within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push({
          type,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
        void closed.then(({ code, reason }) => {
          clearTimeout(timer);
          reject(new Error(`closed (${code} ${reason}) before a ${type} message`));
        });
      });
    },
    of: (type) => messages.filter((m) => m.type === type),
    send(value) {
      ws.send(typeof value === 'string' ? value : JSON.stringify(value));
    },
  };
}

/** Opens a socket and waits for `ready`; fails if the server closes instead. */
export async function connect(baseUrl: string, options: OpenOptions = {}): Promise<TestSocket> {
  const socket = openSocket(baseUrl, options);
  await socket.next('ready');
  return socket;
}

/**
 * An access token signed with the server's real key and claims, but with the expiry given
 * (seconds from now; negative = already expired) — what the server would have issued earlier.
 */
export async function tokenExpiringIn(
  config: Config,
  claims: { userId: string; workspaceId: string; sessionId: string; role?: string },
  seconds: number,
  secret = config.secrets.jwtSecret,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    wid: claims.workspaceId,
    role: claims.role ?? 'owner',
    sid: claims.sessionId,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
    .setSubject(claims.userId)
    .setIssuer(config.publicUrl)
    .setAudience('ringside-api')
    .setIssuedAt(now - 60)
    .setExpirationTime(now + seconds)
    .sign(new TextEncoder().encode(secret));
}

/** Resolves after `ms`; used only to prove that something did NOT arrive. */
export const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));
