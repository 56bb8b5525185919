import type { Role } from '../../common/permissions';
import type { Db } from './db/database';
import type { FastifyBaseLogger } from 'fastify';

/** Who is acting: a signed-in person, or a script holding one of their API keys. */
export interface Actor {
  userId: string;
  workspaceId: string;
  /** The role in force now (read per request, so a role change applies at once). */
  role: Role;
  via: 'session' | 'api_key';
  sessionId?: string;
  apiKeyId?: string;
}

/** The first argument of every service call. Every query is scoped to `workspaceId`. */
export interface RequestContext {
  actor: Actor;
  workspaceId: string;
  db: Db;
  log: FastifyBaseLogger;
  requestId: string;
  ip: string;
  userAgent: string | null;
}

/** Where a request came from, for sessions and the audit log. */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}
