/** What one api process saw of a workspace: who made requests, and how fast they were answered. */
interface WorkspaceUsage {
  lastSeen: Map<string, number>;
  /** One bucket per second of the last minute: requests and their summed duration. */
  seconds: { second: number; count: number; totalMs: number }[];
}

export const ACTIVE_WINDOW_MS = 5 * 60_000;
const MINUTE_MS = 60_000;

/** This process's share of a workspace's live figures, published to the other processes. */
export interface UsageShare {
  users: string[];
  requests: number;
  totalMs: number;
}

/**
 * Per-process request figures by workspace, for the live admin metrics. Bounded: users idle
 * for 5 minutes and seconds older than a minute are dropped on every read or write.
 */
export class LiveUsage {
  private readonly byWorkspace = new Map<string, WorkspaceUsage>();

  record(workspaceId: string, userId: string, ms: number, now = Date.now()): void {
    let usage = this.byWorkspace.get(workspaceId);
    if (!usage) this.byWorkspace.set(workspaceId, (usage = { lastSeen: new Map(), seconds: [] }));
    usage.lastSeen.set(userId, now);
    const second = Math.floor(now / 1000);
    const last = usage.seconds.at(-1);
    if (last?.second === second) {
      last.count++;
      last.totalMs += ms;
    } else {
      usage.seconds.push({ second, count: 1, totalMs: ms });
      prune(usage, now);
    }
  }

  /** Every workspace with activity in the last 5 minutes, and this process's figures for it. */
  shares(now = Date.now()): Map<string, UsageShare> {
    const out = new Map<string, UsageShare>();
    for (const [workspaceId, usage] of this.byWorkspace) {
      prune(usage, now);
      if (usage.lastSeen.size === 0) {
        this.byWorkspace.delete(workspaceId);
        continue;
      }
      let requests = 0;
      let totalMs = 0;
      for (const s of usage.seconds) {
        requests += s.count;
        totalMs += s.totalMs;
      }
      out.set(workspaceId, { users: [...usage.lastSeen.keys()], requests, totalMs });
    }
    return out;
  }
}

function prune(usage: WorkspaceUsage, now: number): void {
  const oldestSecond = Math.floor((now - MINUTE_MS) / 1000);
  while (usage.seconds.length > 0 && usage.seconds[0]!.second <= oldestSecond) {
    usage.seconds.shift();
  }
  for (const [userId, at] of usage.lastSeen) {
    if (now - at > ACTIVE_WINDOW_MS) usage.lastSeen.delete(userId);
  }
}
