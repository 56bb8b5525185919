import type { WebSocket } from 'ws';
import { type Role, hasRole } from '../../common/permissions';
import { CLOSE_CODES, type ReadyData } from '../../common/realtime';
import { EVENTS_CHANNEL } from '../lib/jobs/job-queue';
import type { Logger } from '../lib/logger';
import { memberState, sessionUsable } from '../modules/auth/authenticate';
import type { Services } from '../services';
import { Connection, DEFAULT_HUB_LIMITS, type HubLimits } from './connection';
import type { Principal } from './handshake';
import { LiveEventSchema, type ParsedLiveEvent, mayReceive } from './live-event';

/** Events that say a member's access changed: their sockets are re-checked at once. */
export const MEMBER_ACCESS_CHANGED = 'member.access_changed';

/** The event to publish after a member's role or status changed (shown only to them). */
export const memberAccessChanged = (workspaceId: string, userId: string) => ({
  type: MEMBER_ACCESS_CHANGED,
  entity: 'member',
  id: userId,
  workspaceId,
  visibleTo: { userIds: [userId] },
  data: {},
});

/**
 * The live connections of one api process. It subscribes once to the pub/sub events channel
 * (so events published by any process — a worker, another api — arrive here) and delivers each
 * event to the sockets of its workspace that may see it.
 */
export class RealtimeHub {
  private readonly byWorkspace = new Map<string, Set<Connection>>();
  private readonly byUser = new Map<string, Set<Connection>>();
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private revalidateTimer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => Promise<void>) | undefined;
  private currentLimits: HubLimits;
  private stopped = false;
  /** Events delivered to sockets, for tests and metrics. */
  delivered = 0;

  constructor(
    private readonly services: Services,
    private readonly log: Logger,
    limits: Partial<HubLimits> = {},
  ) {
    this.currentLimits = { ...DEFAULT_HUB_LIMITS, ...limits };
  }

  get limits(): HubLimits {
    return this.currentLimits;
  }

  /** Changes limits at run time (tests shorten the timers); restarts the timers. */
  configure(limits: Partial<HubLimits>): void {
    this.currentLimits = { ...this.currentLimits, ...limits };
    if (this.unsubscribe) this.startTimers();
  }

  /** Open sockets in this process. */
  get size(): number {
    let n = 0;
    for (const set of this.byWorkspace.values()) n += set.size;
    return n;
  }

  /** Workspaces with at least one open socket, and the users connected to each. */
  connectedUsers(): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (const [workspaceId, set] of this.byWorkspace) {
      out.set(workspaceId, new Set([...set].map((c) => c.principal.userId)));
    }
    return out;
  }

  /** Workspaces where a member with at least `role` has a socket open here. */
  workspacesWatchedBy(role: Role): string[] {
    return [...this.byWorkspace]
      .filter(([, set]) => [...set].some((c) => hasRole(c.principal.role, role)))
      .map(([workspaceId]) => workspaceId);
  }

  async start(): Promise<void> {
    this.unsubscribe = await this.services.pubsub.subscribe(EVENTS_CHANNEL, (message) => {
      this.deliver(message);
    });
    this.startTimers();
  }

  /** Closes every socket with `goingAway` (clients reconnect elsewhere) and stops listening. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.heartbeatTimer);
    clearInterval(this.revalidateTimer);
    for (const set of this.byWorkspace.values()) {
      for (const connection of set) connection.close(CLOSE_CODES.goingAway, 'server_shutdown');
    }
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    await unsubscribe?.().catch((err: unknown) => {
      this.log.debug({ err }, 'realtime unsubscribe failed');
    });
  }

  /** Takes an authenticated socket in, unless its user already has too many. */
  accept(socket: WebSocket, principal: Principal): Connection | undefined {
    const connection = new Connection(socket, principal, () => this.currentLimits);
    const mine = this.byUser.get(principal.userId);
    if (this.stopped) {
      connection.close(CLOSE_CODES.goingAway, 'server_shutdown');
      return undefined;
    }
    if (mine && mine.size >= this.currentLimits.maxConnectionsPerUser) {
      connection.close(CLOSE_CODES.tooMany, 'too_many_connections');
      return undefined;
    }
    add(this.byUser, principal.userId, connection);
    add(this.byWorkspace, principal.workspaceId, connection);
    socket.on('close', () => {
      connection.closed = true;
      connection.dispose();
      remove(this.byUser, principal.userId, connection);
      remove(this.byWorkspace, principal.workspaceId, connection);
    });
    socket.on('pong', () => {
      connection.alive = true;
    });
    connection.armExpiry(() => {
      connection.close(CLOSE_CODES.tokenExpired, 'token_expired');
    });
    const ready: ReadyData = {
      userId: principal.userId,
      workspaceId: principal.workspaceId,
      role: principal.role,
      expiresAt: new Date(principal.expiresAt).toISOString(),
    };
    connection.send({ type: 'ready', entity: 'connection', id: connection.id, data: ready });
    return connection;
  }

  /** Routes one pub/sub message; anything malformed is dropped. */
  deliver(message: unknown): void {
    const parsed = LiveEventSchema.safeParse(message);
    if (!parsed.success) {
      this.log.debug({ issues: parsed.error.issues }, 'dropped a malformed live event');
      return;
    }
    const event = parsed.data;
    if (event.workspaceId === null) return;
    if (event.type === MEMBER_ACCESS_CHANGED) {
      void this.revalidate(this.connectionsOf(event.workspaceId, event.id));
    }
    const targets = this.byWorkspace.get(event.workspaceId);
    if (!targets) return;
    let raw: string | undefined;
    for (const connection of targets) {
      if (!mayReceive(event, connection.principal.userId, connection.principal.role)) continue;
      raw ??= serialise(event);
      connection.sendRaw(raw);
      this.delivered++;
    }
  }

  private connectionsOf(workspaceId: string, userId: string): Connection[] {
    return [...(this.byUser.get(userId) ?? [])].filter(
      (c) => c.principal.workspaceId === workspaceId,
    );
  }

  private startTimers(): void {
    clearInterval(this.heartbeatTimer);
    clearInterval(this.revalidateTimer);
    this.heartbeatTimer = setInterval(() => {
      this.heartbeat();
    }, this.currentLimits.heartbeatMs);
    this.revalidateTimer = setInterval(() => {
      void this.revalidate(this.all());
    }, this.currentLimits.revalidateMs);
    this.heartbeatTimer.unref();
    this.revalidateTimer.unref();
  }

  private all(): Connection[] {
    return [...this.byWorkspace.values()].flatMap((set) => [...set]);
  }

  /** Drops sockets that did not answer the last ping (a vanished laptop, a dead proxy). */
  private heartbeat(): void {
    for (const connection of this.all()) {
      if (!connection.alive) {
        connection.closed = true;
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }

  /**
   * Re-reads session and membership (cached; the auth code clears the cache on every change)
   * and closes sockets whose session ended or whose member was disabled; picks up role changes.
   */
  private async revalidate(connections: Connection[]): Promise<void> {
    const sessions = new Map<string, Promise<boolean>>();
    const members = new Map<string, ReturnType<typeof memberState>>();
    await Promise.all(
      connections.map(async (connection) => {
        const { sessionId, workspaceId, userId } = connection.principal;
        try {
          let usable = sessions.get(sessionId);
          if (!usable) sessions.set(sessionId, (usable = sessionUsable(this.services, sessionId)));
          const memberKey = `${workspaceId}:${userId}`;
          let member = members.get(memberKey);
          if (!member) {
            members.set(memberKey, (member = memberState(this.services, workspaceId, userId)));
          }
          const [stillUsable, state] = await Promise.all([usable, member]);
          if (!stillUsable) connection.close(CLOSE_CODES.unauthenticated, 'session_ended');
          else if (!state?.active) connection.close(CLOSE_CODES.forbidden, 'not_a_member');
          else connection.principal.role = state.role;
        } catch (err) {
          // The database or cache is away: keep the socket; the next sweep decides.
          this.log.debug({ err }, 'realtime revalidation failed');
        }
      }),
    );
  }
}

function serialise(event: ParsedLiveEvent): string {
  return JSON.stringify({ type: event.type, entity: event.entity, id: event.id, data: event.data });
}

function add<K>(map: Map<K, Set<Connection>>, key: K, connection: Connection): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(connection);
}

function remove<K>(map: Map<K, Set<Connection>>, key: K, connection: Connection): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(connection);
  if (set.size === 0) map.delete(key);
}
