import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../../common/monitoring';
import type {
  WebhookAttempt,
  WebhookTestResult,
  WebhookWithSecret,
} from '../../../common/notifications';
import { webhookDelivery } from '../../db/schema';
import { EVENTS_CHANNEL } from '../../lib/jobs/job-queue';
import { type LocalServer, startLocalServer } from '../../lib/safe-fetch/test-servers';
import { type Account, addMember, registerOwner } from '../../test/factories';
import { eventually } from '../../test/harness';
import { fieldsOf, useTestApp } from '../../test/test-app';
import { useFetcherOptions } from '../sources/fetcher';
import { checkSource } from '../sources/source-check';
import { startReceiver } from './notifications.test-support';
import { useWebhookRetryDelay } from './webhook-delivery';
import { verifySignature } from './webhook-signature';

/** Real pages and a real webhook receiver on 127.0.0.1, real jobs retrying with backoff. */
const t = useTestApp({ env: { SAFE_FETCH_ALLOW: '127.0.0.1' }, jobs: {} });

const pages = new Map<string, string>();
let site: LocalServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  site = await startLocalServer((req, res) => {
    const body = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(body);
  });
  receiver = await startReceiver();
  useFetcherOptions(t.services, { allow: ['127.0.0.1'], timeoutMs: 3_000 });
  useWebhookRetryDelay(t.services, 1);
});
afterAll(async () => {
  await site.close();
  await receiver.close();
});

const pricingPage = (price: string) => `<!doctype html><html><head><title>Pricing — Rival</title>
</head><body><main><h1>Simple pricing</h1>
<section><h2>Pro plan</h2><p>The Pro plan costs ${price} per user per month.</p>
<p>Includes SSO, audit logs and priority support.</p></section></main></body></html>`;

const unique = () => Math.random().toString(36).slice(2, 10);

/** A workspace watching its own pricing page, baseline taken. */
async function watchedPricing() {
  const owner = await registerOwner(t.app);
  const path = `/pricing-${unique()}`;
  pages.set(path, pricingPage('$49'));
  const competitor = await t.create<{ id: string }>(owner, '/api/v1/competitors', {
    name: `Rival ${unique()}`,
  });
  const src = await t.create<Source>(owner, `/api/v1/competitors/${competitor.id}/sources`, {
    url: `${site.origin}${path}`,
  });
  expect(await checkSource(t.services, src.id)).toMatchObject({ outcome: 'baseline' });
  let price = 49;
  /** The price goes up by $10 and the source is checked. */
  const raise = async () => {
    price += 10;
    pages.set(path, pricingPage(`$${price}`));
    return checkSource(t.services, src.id);
  };
  return { owner, competitorId: competitor.id, workspaceId: owner.auth.workspace.id, raise };
}

async function addHook(owner: Account, format: string, path = `/hook-${unique()}`) {
  const hook = await t.create<WebhookWithSecret>(owner, '/api/v1/webhooks', {
    name: `${format} hook`,
    url: `${receiver.origin}${path}`,
    format,
  });
  return { ...hook, path };
}

const attemptsOf = async (who: Account, hookId: string) =>
  t.allPages<WebhookAttempt>(who, `/api/v1/webhooks/${hookId}/deliveries?limit=2`);

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('webhooks on a detected change', () => {
  it('a price change from $49 to $59 → a signed webhook POST in each format, and a live event', async () => {
    const { owner, competitorId, workspaceId, raise } = await watchedPricing();
    const generic = await addHook(owner, 'generic');
    const slack = await addHook(owner, 'slack');
    const teams = await addHook(owner, 'teams');
    const events: { type: string; id: string }[] = [];
    const unsubscribe = await t.services.pubsub.subscribe(EVENTS_CHANNEL, (m) =>
      events.push(m as { type: string; id: string }),
    );

    const outcome = await raise();
    expect(outcome).toMatchObject({ outcome: 'changed', announced: true });
    const changeId = (outcome as { changeId: string }).changeId;

    for (const hook of [generic, slack, teams]) {
      await eventually(async () => (receiver.at(hook.path).length > 0 ? true : undefined));
    }
    const [g] = receiver.at(generic.path);
    expect(g!.headers['content-type']).toBe('application/json');
    expect(g!.headers['x-ringside-event']).toBe('change.detected');
    expect(
      verifySignature(generic.secret, g!.body, g!.headers['x-ringside-signature'] as string),
    ).toBe(true);
    // The signature is bound to the secret and to the exact body.
    expect(
      verifySignature(slack.secret, g!.body, g!.headers['x-ringside-signature'] as string),
    ).toBe(false);
    expect(
      verifySignature(generic.secret, `${g!.body} `, g!.headers['x-ringside-signature'] as string),
    ).toBe(false);
    const payload = JSON.parse(g!.body) as {
      id: string;
      type: string;
      workspaceId: string;
      data: { change: Record<string, unknown> };
    };
    expect(payload).toMatchObject({ type: 'change.detected', workspaceId });
    expect(payload.id).toBe(g!.headers['x-ringside-delivery']);
    expect(payload.data.change).toMatchObject({
      id: changeId,
      class: 'pricing',
      competitor: { id: competitorId },
      link: `${t.config.publicUrl}/changes?change=${changeId}`,
    });
    expect(payload.data.change.priceChanges).toEqual([
      expect.objectContaining({ from: '$49 per user per month', to: '$59 per user per month' }),
    ]);

    const [s] = receiver.at(slack.path);
    expect(
      verifySignature(slack.secret, s!.body, s!.headers['x-ringside-signature'] as string),
    ).toBe(true);
    const slackBody = JSON.parse(s!.body) as { text: string; blocks: { type: string }[] };
    expect(slackBody.text).toContain('pricing');
    expect(slackBody.blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'context',
      'actions',
    ]);

    const [m] = receiver.at(teams.path);
    expect(
      verifySignature(teams.secret, m!.body, m!.headers['x-ringside-signature'] as string),
    ).toBe(true);
    expect(JSON.parse(m!.body)).toMatchObject({
      '@type': 'MessageCard',
      potentialAction: [{ '@type': 'OpenUri' }],
    });

    await eventually(async () =>
      events.some((e) => e.type === 'change.detected' && e.id === changeId) ? true : undefined,
    );
    await unsubscribe();
    const [logged] = await attemptsOf(owner, generic.id);
    expect(logged).toMatchObject({
      event: 'change.detected',
      changeId,
      attempt: 1,
      outcome: 'delivered',
      httpStatus: 200,
      error: null,
    });
    expect(logged!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('retries after 500s with backoff, then succeeds; each attempt is logged', async () => {
    const { owner, raise } = await watchedPricing();
    const hook = await addHook(owner, 'generic');
    receiver.script(hook.path, [500, 503]);
    await raise();
    await eventually(async () => (receiver.at(hook.path).length >= 3 ? true : undefined), 30_000);
    const hits = receiver.at(hook.path);
    // One delivery id throughout, each attempt signed afresh.
    expect(new Set(hits.map((h) => h.headers['x-ringside-delivery'])).size).toBe(1);
    for (const h of hits) {
      expect(
        verifySignature(hook.secret, h.body, h.headers['x-ringside-signature'] as string),
      ).toBe(true);
    }
    const log = await eventually(async () => {
      const rows = await attemptsOf(owner, hook.id);
      return rows.length === 3 ? rows : undefined;
    });
    expect(
      log.map((a) => [a.attempt, a.outcome, a.httpStatus, a.error]).sort((a, b) => +a[0]! - +b[0]!),
    ).toEqual([
      [1, 'retrying', 500, 'the receiver answered 500'],
      [2, 'retrying', 503, 'the receiver answered 503'],
      [3, 'delivered', 200, null],
    ]);
    await settle(2_500);
    expect(receiver.at(hook.path)).toHaveLength(3);
    const [list] = (await t.call(owner, 'GET', '/api/v1/webhooks')).json<{
      items: { lastDelivery: { status: string } }[];
    }>().items;
    expect(list!.lastDelivery.status).toBe('delivered');
  });

  it('a 4xx other than 408/429 stops at once; a 429 is retried', async () => {
    const { owner, raise } = await watchedPricing();
    const gone = await addHook(owner, 'generic');
    const busy = await addHook(owner, 'slack');
    receiver.script(gone.path, [410]);
    receiver.script(busy.path, [429]);
    await raise();
    await eventually(async () => (receiver.at(busy.path).length >= 2 ? true : undefined), 20_000);
    await settle(3_000);
    expect(receiver.at(gone.path)).toHaveLength(1);
    expect(await attemptsOf(owner, gone.id)).toEqual([
      expect.objectContaining({ attempt: 1, outcome: 'failed', httpStatus: 410 }),
    ]);
    const busyLog = await attemptsOf(owner, busy.id);
    expect(busyLog.map((a) => a.outcome).sort()).toEqual(['delivered', 'retrying']);
  });

  it('a muted class or an importance below the threshold is recorded, not pushed or sent', async () => {
    const { owner, raise, workspaceId } = await watchedPricing();
    const hook = await addHook(owner, 'generic');
    const settings = '/api/v1/workspaces/current/notification-settings';
    const events: { type: string; workspaceId: string }[] = [];
    const unsubscribe = await t.services.pubsub.subscribe(EVENTS_CHANNEL, (m) =>
      events.push(m as { type: string; workspaceId: string }),
    );
    const liveOfMine = () =>
      events.filter((e) => e.type === 'change.detected' && e.workspaceId === workspaceId);

    expect((await t.call(owner, 'PATCH', settings, { mutedClasses: ['pricing'] })).json()).toEqual({
      changeAlertThreshold: 0.4,
      mutedClasses: ['pricing'],
    });
    expect(await raise()).toMatchObject({ outcome: 'changed', announced: false });

    await t.call(owner, 'PATCH', settings, { mutedClasses: [], changeAlertThreshold: 1 });
    expect(await raise()).toMatchObject({ outcome: 'changed', announced: false });

    await settle(2_500);
    expect(receiver.at(hook.path)).toHaveLength(0);
    expect(liveOfMine()).toHaveLength(0);
    expect(
      await t.db().select().from(webhookDelivery).where(eq(webhookDelivery.webhookId, hook.id)),
    ).toEqual([]);
    // Both were recorded all the same, and they stay out of the bell.
    const changes = (await t.call(owner, 'GET', '/api/v1/changes')).json<{ items: unknown[] }>();
    expect(changes.items).toHaveLength(2);
    expect((await t.call(owner, 'GET', '/api/v1/notifications/inbox')).json()).toMatchObject({
      unreadCount: 0,
    });

    // With the rules relaxed the same kind of change goes out: the quiet above was the rules.
    await t.call(owner, 'PATCH', settings, { changeAlertThreshold: 0.2 });
    expect(await raise()).toMatchObject({ outcome: 'changed', announced: true });
    await eventually(async () => (receiver.at(hook.path).length === 1 ? true : undefined));
    await eventually(async () => (liveOfMine().length === 1 ? true : undefined));
    await unsubscribe();
    expect((await t.call(owner, 'GET', '/api/v1/notifications/inbox')).json()).toMatchObject({
      unreadCount: 1,
    });
  });
});

describe('managing webhooks', () => {
  it('shows the secret once, rotates it, sends a signed test and logs it', async () => {
    const owner = await registerOwner(t.app);
    const hook = await addHook(owner, 'teams');
    expect(hook.secret).toMatch(/^whsec_/);
    const listed = (await t.call(owner, 'GET', '/api/v1/webhooks')).body;
    const one = (await t.call(owner, 'GET', `/api/v1/webhooks/${hook.id}`)).body;
    expect(listed).not.toContain(hook.secret);
    expect(one).not.toContain('secret');

    const rotated = (
      await t.call(owner, 'POST', `/api/v1/webhooks/${hook.id}/rotate-secret`)
    ).json<WebhookWithSecret>();
    expect(rotated.secret).not.toBe(hook.secret);
    const test = (
      await t.call(owner, 'POST', `/api/v1/webhooks/${hook.id}/test`)
    ).json<WebhookTestResult>();
    expect(test).toMatchObject({ ok: true, httpStatus: 200, error: null });
    const [hit] = receiver.at(hook.path);
    expect(hit!.headers['x-ringside-event']).toBe('webhook.test');
    const signature = hit!.headers['x-ringside-signature'] as string;
    expect(verifySignature(rotated.secret, hit!.body, signature)).toBe(true);
    expect(verifySignature(hook.secret, hit!.body, signature)).toBe(false);
    expect(await attemptsOf(owner, hook.id)).toEqual([
      expect.objectContaining({
        deliveryId: test.deliveryId,
        event: 'webhook.test',
        outcome: 'delivered',
      }),
    ]);

    // A receiver that refuses is reported, not retried.
    receiver.script(hook.path, [401]);
    const refused = (
      await t.call(owner, 'POST', `/api/v1/webhooks/${hook.id}/test`)
    ).json<WebhookTestResult>();
    expect(refused).toMatchObject({
      ok: false,
      httpStatus: 401,
      error: 'the receiver answered 401',
    });

    // A private address is refused by the safe fetcher before any connection.
    const internal = await t.create<WebhookWithSecret>(owner, '/api/v1/webhooks', {
      name: 'Internal',
      url: 'http://10.1.2.3/hook',
    });
    const blocked = (
      await t.call(owner, 'POST', `/api/v1/webhooks/${internal.id}/test`)
    ).json<WebhookTestResult>();
    expect(blocked).toMatchObject({ ok: false, httpStatus: null });
    expect(blocked.error).toContain('not a public address');

    const disabled = await t.call(owner, 'PATCH', `/api/v1/webhooks/${hook.id}`, {
      enabled: false,
    });
    expect(disabled.json()).toMatchObject({ enabled: false, format: 'teams' });
    expect((await t.call(owner, 'DELETE', `/api/v1/webhooks/${hook.id}`)).statusCode).toBe(204);
    expect((await t.call(owner, 'GET', `/api/v1/webhooks/${hook.id}/deliveries`)).statusCode).toBe(
      404,
    );
  });

  it('admins only; another workspace gets 404; bad input is a 400 naming the fields', async () => {
    const owner = await registerOwner(t.app);
    const hook = await addHook(owner, 'generic');
    const editor = await addMember(t.app, owner, 'editor');
    const viewer = await addMember(t.app, owner, 'viewer');
    const admin = await addMember(t.app, owner, 'admin');
    const stranger = await registerOwner(t.app);
    const body = { name: 'x', url: 'https://hooks.example/in' };

    for (const who of [editor, viewer]) {
      expect((await t.call(who, 'GET', '/api/v1/webhooks')).statusCode).toBe(403);
      expect((await t.call(who, 'POST', '/api/v1/webhooks', body)).statusCode).toBe(403);
      expect((await t.call(who, 'POST', `/api/v1/webhooks/${hook.id}/test`)).statusCode).toBe(403);
    }
    expect((await t.call(admin, 'GET', `/api/v1/webhooks/${hook.id}`)).statusCode).toBe(200);
    for (const [method, suffix] of [
      ['GET', ''],
      ['PATCH', ''],
      ['DELETE', ''],
      ['POST', '/test'],
      ['POST', '/rotate-secret'],
      ['GET', '/deliveries'],
    ] as const) {
      const res = await t.call(
        stranger,
        method,
        `/api/v1/webhooks/${hook.id}${suffix}`,
        method === 'PATCH' ? { name: 'mine now' } : undefined,
      );
      expect(res.statusCode, `${method} ${suffix}`).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'webhook_not_found' } });
    }
    expect(receiver.at(hook.path)).toHaveLength(0);
    expect((await t.call(stranger, 'GET', '/api/v1/webhooks')).json()).toEqual({ items: [] });

    const bad = await t.call(owner, 'POST', '/api/v1/webhooks', {
      name: '',
      url: 'ftp://hooks.example/in',
      format: 'email',
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad).sort()).toEqual(['body.format', 'body.name', 'body.url']);
    const extra = await t.call(owner, 'PATCH', `/api/v1/webhooks/${hook.id}`, { secret: 'mine' });
    expect(extra.statusCode).toBe(400);
    const prefs = await t.call(owner, 'PATCH', '/api/v1/me/notification-preferences', {
      digestFrequency: 'hourly',
    });
    expect(prefs.statusCode).toBe(400);
    expect(fieldsOf(prefs)).toEqual(['body.digestFrequency']);
    expect((await t.call(owner, 'GET', '/api/v1/webhooks/not-a-uuid')).statusCode).toBe(400);
  });
});
