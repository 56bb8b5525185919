import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { source } from '../../db/schema';
import { defineJob } from '../../lib/jobs/job-kind';
import type { JobContext } from '../../lib/jobs/job-kind';
import {
  changesDetected,
  monitoringCheckDuration,
  monitoringChecks,
  secondsSince,
} from '../../lib/metrics/process-metrics';
import { findSafeFetchError } from '../../lib/safe-fetch/errors';
import type { Services } from '../../services';
import { detectPageChange } from '../changes/detect-change';
import { SelectorError } from '../changes/extract-text';
import { storeFeedItems } from '../changes/feed-items';
import { FeedError } from '../changes/parse-feed';
import { fetcherFor } from './fetcher';
import { hostLimiter } from './host-limit';

/** Longer than any one check can take (fetch timeout + parsing + writing). */
const LEASE_SECONDS = 180;
/** A failing source is retried at most this far apart (or its interval, if longer). */
const MAX_BACKOFF_MINUTES = 24 * 60;

export const FEED_ACCEPT =
  'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5';

/** Minutes until the next try after `failures` failures in a row: 1×, 2×, 4×… the interval. */
export function backoffMinutes(intervalMinutes: number, failures: number): number {
  const cap = Math.max(intervalMinutes, MAX_BACKOFF_MINUTES);
  return Math.min(cap, intervalMinutes * 2 ** Math.max(0, failures - 1));
}

/** A failure said plainly, with a stable code; unknown errors are not the source's fault. */
function describeFailure(err: unknown): { code: string; message: string } | undefined {
  const fetchError = findSafeFetchError(err);
  if (fetchError) return { code: fetchError.code, message: fetchError.message };
  if (err instanceof SelectorError) return { code: 'selector', message: err.message };
  if (err instanceof FeedError) return { code: 'invalid_feed', message: err.message };
  return undefined;
}

/**
 * Checks one source now. Idempotent and exclusive: the source is leased first, so a second
 * check of the same source (manual and scheduled at once) does nothing. A fetch failure is
 * recorded on the source with a backoff; it does not fail the job.
 */
export async function checkSource(
  services: Services,
  sourceId: string,
  progress: JobContext['progress'] = () => Promise.resolve(),
) {
  const { db } = services.database;
  const [src] = await db
    .update(source)
    .set({ checkingUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
    .where(
      and(
        eq(source.id, sourceId),
        or(isNull(source.checkingUntil), lt(source.checkingUntil, sql`now()`)),
      ),
    )
    .returning();
  if (!src) {
    monitoringChecks.inc({ kind: 'unknown', outcome: 'skipped' });
    return { outcome: 'skipped' as const };
  }

  const started = performance.now();
  const observe = (outcome: string) => {
    monitoringChecks.inc({ kind: src.kind, outcome });
    monitoringCheckDuration.observe({ kind: src.kind }, secondsSince(started));
  };
  try {
    await progress('fetching', 10);
    const host = new URL(src.url).host;
    const fetched = await hostLimiter.run(host, () =>
      fetcherFor(services).fetch(src.url, {
        etag: src.etag,
        lastModified: src.lastModified,
        ...(src.kind === 'feed' ? { accept: FEED_ACCEPT } : {}),
      }),
    );
    await progress('comparing', 60);
    const result = fetched.notModified
      ? { outcome: 'not_modified' as const }
      : src.kind === 'feed'
        ? await storeFeedItems(services, src, fetched.body)
        : await detectPageChange(services, src, fetched);
    await db
      .update(source)
      .set({
        status: src.enabled ? 'ok' : 'disabled',
        lastError: null,
        lastErrorCode: null,
        consecutiveFailures: 0,
        lastCheckedAt: sql`now()`,
        nextCheckAt: sql`now() + make_interval(mins => ${src.intervalMinutes})`,
        etag: fetched.etag,
        lastModified: fetched.lastModified,
        checkingUntil: null,
        updatedAt: sql`now()`,
      })
      .where(eq(source.id, src.id));
    observe(result.outcome);
    if (result.outcome === 'changed') changesDetected.inc({ category: result.class });
    if (result.outcome === 'feed' && result.added > 0) {
      changesDetected.inc({ category: 'feed_item' }, result.added);
    }
    return result;
  } catch (err) {
    const failure = describeFailure(err) ?? {
      code: 'internal',
      message: 'The check failed unexpectedly; it will be retried.',
    };
    const failures = src.consecutiveFailures + 1;
    await db
      .update(source)
      .set({
        status: src.enabled ? 'failing' : 'disabled',
        lastError: failure.message.slice(0, 500),
        lastErrorCode: failure.code,
        consecutiveFailures: failures,
        lastCheckedAt: sql`now()`,
        nextCheckAt: sql`now() + make_interval(mins => ${backoffMinutes(src.intervalMinutes, failures)})`,
        checkingUntil: null,
        updatedAt: sql`now()`,
      })
      .where(eq(source.id, src.id));
    observe(failure.code === 'internal' ? 'error' : 'failed');
    if (failure.code === 'internal') throw err;
    return { outcome: 'failed' as const, code: failure.code, failures };
  }
}

export const sourceCheckJob = defineJob({
  name: 'source.check',
  payload: z.object({ sourceId: z.uuid() }),
  retryLimit: 1,
  retryDelaySeconds: 30,
  expireInSeconds: 5 * 60,
  concurrency: 4,
  handler: (payload, ctx) =>
    checkSource(ctx.services, payload.sourceId, (stage, percent) => ctx.progress(stage, percent)),
});
