import type { IncomingHttpHeaders } from 'node:http';
import { decodeJwt } from 'jose';
import { BEARER_PROTOCOL_PREFIX, CLOSE_CODES, type CloseReason } from '../../common/realtime';
import type { Role } from '../../common/permissions';
import type { Config } from '../config';
import { memberState, sessionUsable } from '../modules/auth/authenticate';
import type { Services } from '../services';

/** Who a connection belongs to; `role` is refreshed while it lives. */
export interface Principal {
  userId: string;
  workspaceId: string;
  role: Role;
  sessionId: string;
  /** When the access token expires (ms since epoch): the hub closes the socket then. */
  expiresAt: number;
}

export interface Rejection {
  code: number;
  reason: CloseReason;
}

export type HandshakeResult =
  { ok: true; principal: Principal } | { ok: false; rejection: Rejection };

const reject = (code: number, reason: CloseReason): HandshakeResult => ({
  ok: false,
  rejection: { code, reason },
});

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The origins a browser page may open /ws from: PUBLIC_URL and CORS_ORIGINS. */
export function allowedOrigins(config: Pick<Config, 'publicUrl' | 'corsOrigins'>): Set<string> {
  const origins = new Set<string>();
  for (const url of [config.publicUrl, ...config.corsOrigins]) {
    try {
      origins.add(new URL(url).origin);
    } catch {
      // config.ts validated these; an unparsable one simply allows nothing.
    }
  }
  return origins;
}

/**
 * Browsers always send Origin on a WebSocket; a page from another site must not ride on a
 * member's connection. No Origin at all means a non-browser client (a script), which still has
 * to present a token. A loopback page on the same host and port as the request (the
 * embedded server opened as 127.0.0.1 instead of localhost, or Vite's dev proxy) is also
 * same-origin: DNS rebinding cannot make a page's origin a loopback name.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: Set<string>,
): boolean {
  if (origin === undefined) return true;
  if (allowed.has(origin)) return true;
  try {
    const url = new URL(origin);
    return LOOPBACK_HOSTS.has(url.hostname) && url.host === host;
  } catch {
    return false;
  }
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The JWT offered as the `bearer.<jwt>` subprotocol, if any. */
export function tokenFromProtocols(header: string | string[] | undefined): string | undefined {
  const values = [header ?? []].flat().flatMap((h) => h.split(','));
  for (const raw of values) {
    const value = raw.trim();
    if (!value.startsWith(BEARER_PROTOCOL_PREFIX)) continue;
    const token = value.slice(BEARER_PROTOCOL_PREFIX.length);
    return token.length <= 4096 && TOKEN_SHAPE.test(token) ? token : '';
  }
  return undefined;
}

function expiryOf(token: string): number | undefined {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decides a /ws upgrade from its headers: Origin, then the access token (signature, expiry,
 * session not signed out), then an active membership — the same checks as an /api request.
 */
export async function authenticateHandshake(
  services: Services,
  headers: IncomingHttpHeaders,
  allowed: Set<string>,
): Promise<HandshakeResult> {
  if (!originAllowed(headers.origin, headers.host, allowed)) {
    return reject(CLOSE_CODES.forbidden, 'origin_not_allowed');
  }
  const token = tokenFromProtocols(headers['sec-websocket-protocol']);
  if (token === undefined) return reject(CLOSE_CODES.unauthenticated, 'token_missing');
  const claims = token ? await services.tokens.verify(token) : undefined;
  const expiresAt = token ? expiryOf(token) : undefined;
  if (!claims || expiresAt === undefined) {
    // Tell an expired token from a forged one only by its (unverified) exp: a client with an
    // expired token refreshes it; saying "expired" to a forger reveals nothing.
    if (expiresAt !== undefined && expiresAt <= Date.now()) {
      return reject(CLOSE_CODES.tokenExpired, 'token_expired');
    }
    return reject(CLOSE_CODES.unauthenticated, 'token_invalid');
  }
  const [usable, member] = await Promise.all([
    sessionUsable(services, claims.sessionId),
    memberState(services, claims.workspaceId, claims.userId),
  ]);
  if (!usable) return reject(CLOSE_CODES.unauthenticated, 'session_ended');
  if (!member?.active) return reject(CLOSE_CODES.forbidden, 'not_a_member');
  return {
    ok: true,
    principal: {
      userId: claims.userId,
      workspaceId: claims.workspaceId,
      role: member.role,
      sessionId: claims.sessionId,
      expiresAt,
    },
  };
}
