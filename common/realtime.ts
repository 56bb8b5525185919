/**
 * The live-update protocol shared by the server hub (/ws) and the browser. Zod-free on
 * purpose: the web app imports these values.
 */

/** The subprotocol the server answers with; a client offers it first. */
export const REALTIME_PROTOCOL = 'ringside.v1';

/**
 * The access token travels as a second offered subprotocol, `bearer.<jwt>`: browsers cannot
 * set headers on a WebSocket, and a URL (query string) ends up in access logs and history.
 * A JWT is base64url with dots, which is a valid subprotocol token.
 */
export const BEARER_PROTOCOL_PREFIX = 'bearer.';

/** Close codes of /ws. 4xxx mirror the HTTP status they correspond to. */
export const CLOSE_CODES = {
  normal: 1000,
  /** The server is shutting down: reconnect (to another process) after a short delay. */
  goingAway: 1001,
  /** A message above the payload limit (set by the ws library). */
  tooBig: 1009,
  /** No token, a forged one, or the session behind it was signed out. */
  unauthenticated: 4401,
  /** Wrong Origin, or the caller is not (or no longer) an active member of the workspace. */
  forbidden: 4403,
  /** The access token expired: refresh it and reconnect at once. */
  tokenExpired: 4408,
  /** Too many messages, too many connections of this user, or a client that cannot keep up. */
  tooMany: 4429,
} as const;

/** The reason string of a close, for people and tests; clients decide by the code. */
export type CloseReason =
  | 'token_missing'
  | 'token_invalid'
  | 'token_expired'
  | 'session_ended'
  | 'origin_not_allowed'
  | 'not_a_member'
  | 'too_many_connections'
  | 'rate_limited'
  | 'slow_consumer'
  | 'server_shutdown';

/** Every server → client message. */
export interface RealtimeMessage<D = Record<string, unknown>> {
  /** e.g. `job.progress`, `battlecard.updated`, `change.detected`; `ready` and `pong` from the hub. */
  type: string;
  /** The kind of thing it is about: `job`, `battlecard`, `change`, `connection`… */
  entity: string;
  id: string;
  data: D;
}

/** Sent once the handshake is accepted: who the connection is, and when its token expires. */
export interface ReadyData {
  userId: string;
  workspaceId: string;
  role: string;
  /** ISO time at which the server closes with `tokenExpired`. */
  expiresAt: string;
}

/** Client → server messages. `ping` is answered with `{ type: 'pong', … }`. */
export type RealtimeClientMessage = { type: 'ping'; id?: string };

/** The `data` of `job.progress` / `job.completed` / `job.failed` / `job.retrying` events. */
export interface JobEventData {
  status: 'queued' | 'running' | 'completed' | 'failed';
  stage?: string;
  progress?: number;
  error?: string;
}

/** `admin.metrics`: live figures of a workspace, every few seconds, to its admins and owners. */
export const ADMIN_METRICS_EVENT = 'admin.metrics';

export interface AdminMetricsData {
  /** Members connected now (/ws) or who made a request in the last 5 minutes. */
  activeUsers: number;
  /** Of those, members with a live connection now. */
  connectedUsers: number;
  /** AI runs (generation, analysis) started in the workspace in the last minute. */
  aiRequestsPerMinute: number;
  /** API requests of the workspace in the last minute, across api processes. */
  requestsPerMinute: number;
  /** Their mean response time in ms; null when there were none. */
  avgResponseMs: number | null;
  /** api processes that contributed figures. */
  processes: number;
  /** When the figures were taken (ISO 8601). */
  at: string;
}
