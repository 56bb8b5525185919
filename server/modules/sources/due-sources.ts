import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { source } from '../../db/schema';
import type { ScheduledTask } from '../../lib/scheduler';
import type { Services } from '../../services';
import { sourceCheckJob } from './source-check';

/** How often the scheduler looks for due sources. */
export const DUE_SCAN_EVERY_MS = 30_000;
/** Sources picked per scan; the rest wait for the next one. */
const BATCH = 500;
/** Checks of one host started per scan; with the worker's per-host limit, a site is not flooded. */
export const PER_HOST_PER_SCAN = 20;
/** Checks of one scan are spread over this long, so they do not all fire at the same second. */
const MAX_JITTER_MS = 20_000;

/**
 * Enqueues a check for every enabled source whose time has come. Each source is moved to its
 * next slot in the same transaction as its job, so a second scan (or a second scheduler during
 * a leader change) finds nothing to do; the job's idempotency key says the same.
 */
export async function enqueueDueSources(services: Services, random = Math.random): Promise<number> {
  const { db } = services.database;
  const due = await db
    .select({
      id: source.id,
      url: source.url,
      workspaceId: source.workspaceId,
      intervalMinutes: source.intervalMinutes,
      nextCheckAt: source.nextCheckAt,
    })
    .from(source)
    .where(
      and(
        eq(source.enabled, true),
        lte(source.nextCheckAt, sql`now()`),
        or(isNull(source.checkingUntil), lt(source.checkingUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(source.nextCheckAt))
    .limit(BATCH);
  const perHost = new Map<string, number>();
  const picked = due.filter((row) => {
    const host = new URL(row.url).host;
    const count = perHost.get(host) ?? 0;
    perHost.set(host, count + 1);
    return count < PER_HOST_PER_SCAN;
  });
  if (picked.length === 0) return 0;
  await db.transaction(async (tx) => {
    for (const row of picked) {
      await services.jobs.enqueue(
        tx,
        sourceCheckJob,
        { sourceId: row.id },
        {
          workspaceId: row.workspaceId,
          idempotencyKey: `source.check:${row.id}:${row.nextCheckAt.toISOString()}`,
          startAfter: new Date(Date.now() + Math.floor(random() * MAX_JITTER_MS)),
        },
      );
    }
    // Provisional next slot; the check sets the real one (interval, or backoff) when it ends.
    for (const row of picked) {
      await tx
        .update(source)
        .set({ nextCheckAt: sql`now() + make_interval(mins => ${row.intervalMinutes})` })
        .where(inArray(source.id, [row.id]));
    }
  });
  return picked.length;
}

export function monitoringTasks(services: Services): ScheduledTask[] {
  return [
    {
      name: 'monitoring.due-sources',
      everyMs: DUE_SCAN_EVERY_MS,
      run: async () => {
        const count = await enqueueDueSources(services);
        if (count > 0) services.log.info({ count }, 'monitoring checks enqueued');
      },
    },
  ];
}
