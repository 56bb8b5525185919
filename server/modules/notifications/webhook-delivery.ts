import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER } from '../../../common/notifications';
import { webhook, webhookAttempt, webhookDelivery } from '../../db/schema';
import { defineJob } from '../../lib/jobs/job-kind';
import { findSafeFetchError } from '../../lib/safe-fetch/errors';
import type { Services } from '../../services';
import { fetcherFor } from '../sources/fetcher';
import { signatureHeader } from './webhook-signature';

/** Five attempts in all: the first and four retries, 30 s, 1 min, 2 min, 4 min apart (± jitter). */
export const WEBHOOK_ATTEMPTS = 5;
const RETRY_DELAY_SECONDS = 30;
const MAX_ERROR = 500;

/** Statuses worth another try: the receiver was busy, slow or broken, not refusing us. */
const retryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;
/** Fetch failures no retry can fix: the address itself is refused. */
const PERMANENT_FETCH_ERRORS = new Set(['blocked_address', 'invalid_url', 'unsupported_protocol']);

const retryDelays = new WeakMap<Services, number>();
/** Tests: a shorter first retry delay (pg-boss's minimum is 1 s). */
export function useWebhookRetryDelay(services: Services, seconds: number): void {
  retryDelays.set(services, seconds);
}
export const webhookRetryDelayOf = (services: Services) =>
  retryDelays.get(services) ?? RETRY_DELAY_SECONDS;

export interface AttemptResult {
  outcome: 'delivered' | 'retrying' | 'failed' | 'skipped';
  httpStatus: number | null;
  durationMs: number;
  error: string | null;
}

/**
 * One attempt of one delivery: sign, POST through the safe fetcher, log the attempt and move
 * the delivery on. `final` = no retry will follow, so a retryable failure becomes `failed`.
 * A delivery already finished is skipped (a job that runs twice sends once).
 */
export async function attemptDelivery(
  services: Services,
  deliveryId: string,
  attempt: number,
  final: boolean,
): Promise<AttemptResult> {
  const { db } = services.database;
  const [row] = await db
    .select({
      delivery: webhookDelivery,
      url: webhook.url,
      secret: webhook.secret,
      enabled: webhook.enabled,
    })
    .from(webhookDelivery)
    .innerJoin(webhook, eq(webhook.id, webhookDelivery.webhookId))
    .where(eq(webhookDelivery.id, deliveryId));
  if (!row || row.delivery.status === 'delivered' || row.delivery.status === 'failed') {
    return { outcome: 'skipped', httpStatus: null, durationMs: 0, error: null };
  }
  const { delivery } = row;

  let httpStatus: number | null = null;
  let error: string | null = null;
  let retryable = false;
  const started = performance.now();
  if (!row.enabled && delivery.event !== 'webhook.test') {
    error = 'the webhook is disabled';
  } else {
    try {
      const res = await fetcherFor(services).post(row.url, delivery.body, {
        'content-type': 'application/json',
        [EVENT_HEADER]: delivery.event,
        [DELIVERY_HEADER]: delivery.id,
        [SIGNATURE_HEADER]: signatureHeader(
          row.secret,
          delivery.body,
          Math.floor(Date.now() / 1000),
        ),
      });
      httpStatus = res.status;
      if (res.status < 200 || res.status > 299) {
        retryable = retryableStatus(res.status);
        error =
          res.status >= 300 && res.status < 400
            ? `the receiver answered ${res.status} (redirects are not followed)`
            : `the receiver answered ${res.status}`;
      }
    } catch (err) {
      const fetchError = findSafeFetchError(err);
      error = (fetchError?.message ?? (err instanceof Error ? err.message : String(err))).slice(
        0,
        MAX_ERROR,
      );
      retryable = !fetchError || !PERMANENT_FETCH_ERRORS.has(fetchError.code);
    }
  }
  const durationMs = Math.round(performance.now() - started);
  const outcome = error === null ? 'delivered' : retryable && !final ? 'retrying' : 'failed';

  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempt).values({
      deliveryId,
      webhookId: delivery.webhookId,
      attempt,
      outcome,
      httpStatus,
      durationMs,
      error,
    });
    await tx
      .update(webhookDelivery)
      .set({
        status: outcome,
        attempts: attempt,
        ...(outcome === 'retrying' ? {} : { finishedAt: new Date() }),
      })
      .where(
        and(
          eq(webhookDelivery.id, deliveryId),
          inArray(webhookDelivery.status, ['pending', 'retrying']),
        ),
      );
  });
  return { outcome, httpStatus, durationMs, error };
}

/** A change (or test) event to one webhook, retried with backoff by pg-boss. */
export const webhookDeliveryJob = defineJob({
  name: 'webhook.deliver',
  payload: z.object({ deliveryId: z.uuid() }),
  retryLimit: WEBHOOK_ATTEMPTS - 1,
  retryDelaySeconds: RETRY_DELAY_SECONDS,
  retryBackoff: true,
  // Longer than one attempt (20 s fetch timeout), so a crashed worker's attempt is retried.
  expireInSeconds: 120,
  concurrency: 2,
  handler: async (payload, ctx) => {
    const result = await attemptDelivery(
      ctx.services,
      payload.deliveryId,
      ctx.attempt,
      ctx.attempt >= WEBHOOK_ATTEMPTS,
    );
    // Throwing hands the job back to pg-boss for its next, backed-off attempt.
    if (result.outcome === 'retrying') throw new Error(result.error ?? 'delivery failed');
    ctx.log.info({ deliveryId: payload.deliveryId, ...result }, 'webhook delivery finished');
    return result;
  },
});
