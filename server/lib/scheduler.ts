import type { Database, HeldLock } from './db/database';
import type { Logger } from './logger';

export interface ScheduledTask {
  name: string;
  everyMs: number;
  run(): Promise<void>;
}

/** Any fixed number; shared by every scheduler process of one database. */
const LEADER_LOCK_KEY = 7_246_118_002;

/**
 * Runs periodic tasks in exactly one process: the one holding the leader lock. Stand-by
 * schedulers retry the lock and take over when the leader goes away.
 */
export class Scheduler {
  private lock: HeldLock | null = null;
  private timers: NodeJS.Timeout[] = [];
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;
  private running = new Set<Promise<void>>();

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
    private readonly tasks: ScheduledTask[],
    private readonly retryMs = 5_000,
  ) {}

  get isLeader(): boolean {
    return this.lock !== null;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.tryLead();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.stopTimers();
    await Promise.allSettled([...this.running]);
    const lock = this.lock;
    this.lock = null;
    await lock?.release();
  }

  private async tryLead(): Promise<void> {
    if (this.stopped) return;
    try {
      this.lock = await this.database.tryLock(LEADER_LOCK_KEY);
    } catch (err) {
      this.log.warn({ err }, 'scheduler could not reach the database');
    }
    if (!this.lock) {
      this.retry = setTimeout(() => void this.tryLead(), this.retryMs);
      this.retry.unref();
      return;
    }
    this.log.info({ tasks: this.tasks.map((t) => t.name) }, 'scheduler is the leader');
    const lock = this.lock;
    void lock.lost.then(() => {
      if (this.lock !== lock) return;
      this.lock = null;
      this.stopTimers();
      if (!this.stopped) {
        this.log.warn('scheduler lost leadership; retrying');
        this.retry = setTimeout(() => void this.tryLead(), this.retryMs);
        this.retry.unref();
      }
    });
    for (const task of this.tasks) {
      const timer = setInterval(() => this.runTask(task), task.everyMs);
      timer.unref();
      this.timers.push(timer);
      this.runTask(task);
    }
  }

  private runTask(task: ScheduledTask): void {
    if (!this.lock) return;
    const run = task
      .run()
      .catch((err: unknown) => this.log.error({ err, task: task.name }, 'scheduled task failed'))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  private stopTimers(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }
}
