import { randomUUID } from 'node:crypto';
import { and, count, gte, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ADMIN_METRICS_EVENT, type AdminMetricsData } from '../../common/realtime';
import { aiRun } from '../db/schema';
import type { Logger } from '../lib/logger';
import type { Services } from '../services';
import type { RealtimeHub } from './hub';
import type { LiveUsage, UsageShare } from './live-usage';

/** The pub/sub channel on which every api process shares its figures with the others. */
export const ADMIN_METRICS_CHANNEL = 'admin-metrics';

const ShareMessageSchema = z.object({
  processId: z.string().max(100),
  at: z.number(),
  workspaces: z.record(
    z.string(),
    z.object({
      users: z.array(z.string()).max(100_000),
      requests: z.number().int().nonnegative(),
      totalMs: z.number().nonnegative(),
    }),
  ),
});
type ShareMessage = z.infer<typeof ShareMessageSchema>;

/**
 * Live admin metrics. Every `intervalMs` each api process publishes its share (who was active,
 * how many requests and how long they took, per workspace) on ADMIN_METRICS_CHANNEL, keeps the
 * latest share of every process, and pushes the summed figures as `admin.metrics` to the
 * admins and owners connected to it — only to them (visibleTo minRole admin), only for their
 * own workspace.
 */
export class AdminMetrics {
  readonly processId = randomUUID();
  private readonly shares = new Map<string, ShareMessage>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(
    private readonly services: Services,
    private readonly hub: RealtimeHub,
    private readonly usage: LiveUsage,
    private readonly log: Logger,
    private intervalMs = 5_000,
  ) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.services.pubsub.subscribe(ADMIN_METRICS_CHANNEL, (message) => {
      const parsed = ShareMessageSchema.safeParse(message);
      if (parsed.success) this.shares.set(parsed.data.processId, parsed.data);
    });
    this.schedule();
  }

  /** Tests shorten the interval. */
  configure(intervalMs: number): void {
    this.intervalMs = intervalMs;
    if (this.timer) this.schedule();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    await unsubscribe?.().catch(() => {});
  }

  private schedule(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      this.tick().catch((err: unknown) => {
        this.log.debug({ err }, 'admin metrics tick failed');
      });
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Shares this process's figures, then sends the sums to the admins connected here. */
  async tick(now = Date.now()): Promise<void> {
    const connected = this.hub.connectedUsers();
    const mine = this.usage.shares(now);
    // A connected member counts as active even without a request in the window.
    for (const [workspaceId, users] of connected) {
      const share = mine.get(workspaceId) ?? { users: [], requests: 0, totalMs: 0 };
      share.users = [...new Set([...share.users, ...users])];
      mine.set(workspaceId, share);
    }
    const message: ShareMessage = {
      processId: this.processId,
      at: now,
      workspaces: Object.fromEntries(mine),
    };
    this.shares.set(this.processId, message);
    await this.services.pubsub.publish(ADMIN_METRICS_CHANNEL, message).catch((err: unknown) => {
      this.log.debug({ err }, 'admin metrics share not published');
    });

    const watched = this.hub.workspacesWatchedBy('admin');
    if (watched.length === 0) return;
    // A process that stopped sharing (gone, restarted) drops out after three intervals.
    for (const [id, share] of this.shares) {
      if (now - share.at > 3 * this.intervalMs) this.shares.delete(id);
    }
    const aiPerMinute = await this.aiRunsLastMinute(watched);
    for (const workspaceId of watched) {
      const parts: UsageShare[] = [];
      for (const share of this.shares.values()) {
        const part = share.workspaces[workspaceId];
        if (part) parts.push(part);
      }
      const users = new Set(parts.flatMap((p) => p.users));
      const requests = parts.reduce((n, p) => n + p.requests, 0);
      const totalMs = parts.reduce((n, p) => n + p.totalMs, 0);
      const data: AdminMetricsData = {
        activeUsers: users.size,
        connectedUsers: connected.get(workspaceId)?.size ?? 0,
        aiRequestsPerMinute: aiPerMinute.get(workspaceId) ?? 0,
        requestsPerMinute: requests,
        avgResponseMs: requests > 0 ? Math.round((totalMs / requests) * 10) / 10 : null,
        processes: this.shares.size,
        at: new Date(now).toISOString(),
      };
      this.hub.deliver({
        type: ADMIN_METRICS_EVENT,
        // Not an entity the web app caches: no query is refetched for it.
        entity: 'metrics',
        id: workspaceId,
        workspaceId,
        data,
        visibleTo: { minRole: 'admin' },
      });
    }
  }

  private async aiRunsLastMinute(workspaceIds: string[]): Promise<Map<string, number>> {
    try {
      const rows = await this.services.database.db
        .select({ workspaceId: aiRun.workspaceId, n: count() })
        .from(aiRun)
        .where(
          and(
            inArray(aiRun.workspaceId, workspaceIds),
            gte(aiRun.startedAt, sql`now() - interval '1 minute'`),
          ),
        )
        .groupBy(aiRun.workspaceId);
      return new Map(rows.map((r) => [r.workspaceId, Number(r.n)]));
    } catch (err) {
      // The database is away: the other figures still go out.
      this.log.debug({ err }, 'admin metrics: AI runs not counted');
      return new Map();
    }
  }
}
