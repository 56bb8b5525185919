import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, Stripe-style: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`
 * with the webhook's secret. The timestamp is inside the signed text so a receiver can refuse
 * replays older than a few minutes.
 */

export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * What a receiver does (and what the tests do): recompute and compare in constant time, and
 * refuse a timestamp further than `toleranceSeconds` from now.
 */
export function verifySignature(
  secret: string,
  body: string,
  header: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  if (!header) return false;
  const parts = new Map(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return (
    given.length === expected.length &&
    timingSafeEqual(Buffer.from(given, 'utf8'), Buffer.from(expected, 'utf8'))
  );
}

/** The OpenAPI description of how to verify, shown on the webhooks routes. */
export const VERIFY_DOC = `Every delivery is a POST with a JSON body and three headers:
\`X-Ringside-Event\` (e.g. \`change.detected\`, \`webhook.test\`), \`X-Ringside-Delivery\`
(the delivery id; the same on every retry, so deduplicate on it) and
\`X-Ringside-Signature: t=<unix seconds>,v1=<hex>\`. To verify: take the raw request body
exactly as received, compute HMAC-SHA256 with the webhook secret (shown once when the webhook is
created or its secret rotated) over \`<t>.<body>\`, hex-encode it and compare it with \`v1\` in
constant time; refuse the request when \`t\` is more than 5 minutes from your clock.
A 2xx answer ends a delivery; 408, 429, 5xx and network errors are retried with exponential
backoff (5 attempts in all); any other 4xx stops it.`;
