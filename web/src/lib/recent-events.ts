import type { RealtimeMessage } from '../../../common/realtime';

/**
 * The entity events of the last minute, for listeners that learn an id late: a fast job can
 * report its stages before the POST that started it has answered with its id.
 */
export class RecentEvents {
  private events: { at: number; message: RealtimeMessage }[] = [];

  constructor(
    private readonly limit = 200,
    private readonly keepMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  remember(message: RealtimeMessage): void {
    if (typeof message.id !== 'string') return;
    this.events.push({ at: this.now(), message });
    if (this.events.length > this.limit)
      this.events = this.events.slice(-Math.ceil(this.limit / 2));
  }

  /** Events about one entity (e.g. a job id), oldest first, optionally of one type. */
  about(id: string, type?: string): RealtimeMessage[] {
    const since = this.now() - this.keepMs;
    return this.events
      .filter((e) => e.at >= since && e.message.id === id && (!type || e.message.type === type))
      .map((e) => e.message);
  }

  clear(): void {
    this.events = [];
  }
}
