import { LRUCache } from 'lru-cache';
import type { UsageEventType } from '../../../common/usage-events';
import { event } from '../../db/schema';
import type { Db } from '../../lib/db/database';
import type { Logger } from '../../lib/logger';

export interface UsageEvent {
  workspaceId: string;
  actorId: string;
  type: UsageEventType;
  entity: string;
  entityId: string;
  data?: Record<string, unknown>;
}

export interface UsageRecorderOptions {
  flushIntervalMs?: number;
  maxBuffered?: number;
  /** The same person repeating the same event on the same thing within this is counted once. */
  repeatWindowMs?: number;
}

/**
 * Usage events (a card viewed, a search) happen on the hottest read paths, so they are not
 * written per request: they are buffered and written in one multi-row insert every couple of
 * seconds, and repeats (a card refetched when its tab regains focus) are counted once per window.
 * A crash loses at most one interval of usage counts — never content.
 */
export class UsageRecorder {
  private buffer: (typeof event.$inferInsert)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly recent: LRUCache<string, true>;
  private readonly flushIntervalMs: number;
  private readonly maxBuffered: number;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    options: UsageRecorderOptions = {},
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 2_000;
    this.maxBuffered = options.maxBuffered ?? 500;
    this.recent = new LRUCache({ max: 50_000, ttl: options.repeatWindowMs ?? 30 * 60_000 });
  }

  record(e: UsageEvent): void {
    const key = `${e.actorId}|${e.type}|${e.entityId}`;
    if (this.recent.has(key)) return;
    this.recent.set(key, true);
    this.buffer.push({
      workspaceId: e.workspaceId,
      actorId: e.actorId,
      type: e.type,
      entity: e.entity,
      entityId: e.entityId,
      data: e.data ?? null,
    });
    if (this.buffer.length >= this.maxBuffered) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushIntervalMs).unref();
  }

  /** Writes what is buffered; resolves when every earlier record() is in the database. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing.then(async () => {
      if (rows.length === 0) return;
      try {
        await this.db.insert(event).values(rows);
      } catch (err) {
        this.log.warn({ err, events: rows.length }, 'could not record usage events');
      }
    });
    return this.flushing;
  }

  close(): Promise<void> {
    return this.flush();
  }
}
