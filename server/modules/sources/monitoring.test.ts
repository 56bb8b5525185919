import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeSummary, Change, Source } from '../../../common/monitoring';
import { claim, evidence, source } from '../../db/schema';
import { EVENTS_CHANNEL } from '../../lib/jobs/job-queue';
import { type LocalServer, startLocalServer } from '../../lib/safe-fetch/test-servers';
import { insertBattlecard, insertClaim } from '../../test/core-factories';
import { type Account, addMember, registerOwner } from '../../test/factories';
import { eventually } from '../../test/harness';
import { useTestApp } from '../../test/test-app';
import { enqueueDueSources } from './due-sources';
import { useFetcherOptions } from './fetcher';
import { checkSource } from './source-check';

/** Real monitoring against real pages served on 127.0.0.1 (allowed for these tests). */
const t = useTestApp({ env: { SAFE_FETCH_ALLOW: '127.0.0.1' }, jobs: {} });

/** What the local "competitor site" serves, changed by the tests. */
const pages = new Map<string, { type: string; body: string }>();
let site: LocalServer;

beforeAll(async () => {
  site = await startLocalServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/slow') return void res.writeHead(200, { 'content-type': 'text/html' });
    if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end(Buffer.alloc(3 * 1024 * 1024, 'a'));
    }
    if (path === '/loop') {
      res.writeHead(302, { location: '/loop' });
      return void res.end();
    }
    if (path === '/broken') {
      res.writeHead(500, { 'content-type': 'text/plain' });
      return void res.end('down');
    }
    const page = pages.get(path);
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': page.type });
    res.end(page.body);
  });
  useFetcherOptions(t.services, {
    allow: ['127.0.0.1'],
    timeoutMs: 800,
    connectTimeoutMs: 500,
    maxBytes: 1024 * 1024,
  });
});
afterAll(() => site.close());

const pricingPage = (price: string, extra = '') => `<!doctype html><html><head>
<title>Pricing — Rival</title></head><body><nav>Home Pricing Blog</nav><main>
<h1>Simple pricing</h1>
<section><h2>Starter</h2><p>Free for up to 3 agents.</p></section>
<section><h2>Pro plan</h2><p>The Pro plan costs ${price} per user per month.</p>
<p>Includes SSO, audit logs and priority support.</p></section>
${extra}
</main><footer>© 2026 Rival Inc.</footer></body></html>`;

async function setup(path: string, body: object = {}) {
  const owner = await registerOwner(t.app);
  const competitor = await t.create<{ id: string }>(owner, '/api/v1/competitors', {
    name: `Rival ${Math.random().toString(36).slice(2, 8)}`,
  });
  const created = await t.create<Source>(owner, `/api/v1/competitors/${competitor.id}/sources`, {
    url: `${site.origin}${path}`,
    ...body,
  });
  return {
    owner,
    competitorId: competitor.id,
    source: created,
    workspaceId: owner.auth.workspace.id,
  };
}

const changesOf = async (who: Account, query = '') =>
  (await t.call(who, 'GET', `/api/v1/changes${query}`)).json<{ items: ChangeSummary[] }>().items;

describe('monitoring a web page', () => {
  it('a price change from $49 to $59 is one pricing change with both amounts; cited claims go stale', async () => {
    pages.set('/pricing-a', { type: 'text/html', body: pricingPage('$49') });
    const { owner, competitorId, source: src, workspaceId } = await setup('/pricing-a');
    expect(await checkSource(t.services, src.id)).toMatchObject({ outcome: 'baseline' });
    expect(await changesOf(owner)).toHaveLength(0);

    const [snapshot] = await t
      .db()
      .select()
      .from(evidence)
      .where(and(eq(evidence.sourceId, src.id), eq(evidence.kind, 'snapshot')));
    expect(snapshot!.content).toContain('The Pro plan costs $49 per user per month.');
    expect(snapshot!.content).not.toContain('Home Pricing Blog');
    const card = await insertBattlecard(t.services, { workspaceId, competitorId });
    const priceClaim = await insertClaim(t.services, {
      workspaceId,
      battlecardId: card.id,
      section: 'pricing',
      text: 'Pro costs $49 per user per month',
      citations: [
        { evidenceId: snapshot!.id, quote: 'The Pro plan costs $49 per user per month.' },
      ],
    });
    const ssoClaim = await insertClaim(t.services, {
      workspaceId,
      battlecardId: card.id,
      position: 1,
      text: 'Pro includes SSO',
      citations: [
        { evidenceId: snapshot!.id, quote: 'Includes SSO, audit logs and priority support.' },
      ],
    });

    const events: unknown[] = [];
    const unsubscribe = await t.services.pubsub.subscribe(EVENTS_CHANNEL, (m) => events.push(m));
    pages.set('/pricing-a', { type: 'text/html', body: pricingPage('$59') });
    const outcome = await checkSource(t.services, src.id);
    expect(outcome).toMatchObject({ outcome: 'changed', announced: true });

    const changes = await changesOf(owner);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      class: 'pricing',
      competitor: { id: competitorId },
      read: false,
      staleClaims: 1,
    });
    expect(changes[0]!.priceChanges).toEqual([
      expect.objectContaining({ from: '$49 per user per month', to: '$59 per user per month' }),
    ]);
    const detail = (await t.call(owner, 'GET', `/api/v1/changes/${changes[0]!.id}`)).json<Change>();
    expect(detail.diff).toContainEqual({ op: 'delete', text: '49' });
    expect(detail.diff).toContainEqual({ op: 'insert', text: '59' });
    // The "review" links: the claim this change turned stale, on its card.
    expect(detail.staleClaimList).toEqual([
      {
        id: priceClaim.id,
        text: 'Pro costs $49 per user per month',
        stale: true,
        battlecard: { id: card.id, title: expect.any(String) },
      },
    ]);
    expect(detail.engine).toBe('local:ringside-local');

    const [stale] = await t.db().select().from(claim).where(eq(claim.id, priceClaim.id));
    expect(stale!.stale).toBe(true);
    expect(stale!.staleReason).toContain('is no longer on the page');
    const [fresh] = await t.db().select().from(claim).where(eq(claim.id, ssoClaim.id));
    expect(fresh!.stale).toBe(false);

    await eventually(async () => (events.length > 0 ? true : undefined), 2_000, 'event');
    await unsubscribe();
    expect(events).toContainEqual({
      type: 'change.detected',
      entity: 'change',
      id: changes[0]!.id,
      workspaceId,
      data: expect.objectContaining({ competitorId, class: 'pricing' }),
    });

    // Read state is per person; unread filter follows it.
    expect((await t.call(owner, 'POST', `/api/v1/changes/${changes[0]!.id}/read`)).statusCode).toBe(
      204,
    );
    expect(await changesOf(owner, '?unread=true')).toHaveLength(0);
    expect(await changesOf(owner, '?class=pricing&minImportance=0.5')).toHaveLength(1);
    expect(await changesOf(owner, '?class=hiring')).toHaveLength(0);
    // A viewer reads and marks read (their own state) but cannot dismiss for the team.
    const viewer = await addMember(t.app, owner, 'viewer', 'Vic Viewer');
    expect(await changesOf(viewer, '?unread=true')).toHaveLength(1);
    expect(
      (await t.call(viewer, 'POST', `/api/v1/changes/${changes[0]!.id}/read`)).statusCode,
    ).toBe(204);
    expect(await changesOf(viewer, '?unread=true')).toHaveLength(0);
    expect(
      (await t.call(viewer, 'POST', `/api/v1/changes/${changes[0]!.id}/dismiss`)).statusCode,
    ).toBe(403);
    expect((await t.call(viewer, 'POST', `/api/v1/sources/${src.id}/check`)).statusCode).toBe(403);
    // Dismissed changes leave the timeline for everyone.
    expect(
      (await t.call(owner, 'POST', `/api/v1/changes/${changes[0]!.id}/dismiss`)).statusCode,
    ).toBe(204);
    expect(await changesOf(owner)).toHaveLength(0);
    expect(await changesOf(owner, '?dismissed=true')).toHaveLength(1);

    // Another workspace sees none of it.
    const stranger = await registerOwner(t.app);
    expect((await t.call(stranger, 'GET', `/api/v1/changes/${changes[0]!.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await t.call(stranger, 'GET', `/api/v1/competitors/${competitorId}/sources`)).statusCode,
    ).toBe(404);
    expect(
      (await t.call(stranger, 'PATCH', `/api/v1/sources/${src.id}`, { enabled: false })).statusCode,
    ).toBe(404);
    expect(await changesOf(stranger)).toHaveLength(0);
  });

  it('a page whose only changes are a date, a counter, a time and an ignored element is unchanged', async () => {
    const page = (date: string, online: string, time: string, banner: string) =>
      pricingPage(
        '$49',
        `<p>Updated ${date}</p><p>${online} users online</p><p>Last sync ${time}</p>
         <div class="promo">${banner}</div><p>Build 8f3a2c1</p>`,
      );
    pages.set('/pricing-b', {
      type: 'text/html',
      body: page('November 27, 2026', '1,234', '09:15', 'Black Friday!'),
    });
    const { owner, source: src } = await setup('/pricing-b', {
      ignoreRules: { selectors: ['.promo'], patterns: ['Build [0-9a-f]+'] },
    });
    expect(await checkSource(t.services, src.id)).toMatchObject({ outcome: 'baseline' });
    pages.set('/pricing-b', {
      type: 'text/html',
      body: page('Dec 3, 2026', '987', '17:40', 'Cyber Monday!'),
    });
    expect(await checkSource(t.services, src.id)).toMatchObject({ outcome: 'unchanged' });
    expect(await changesOf(owner)).toHaveLength(0);
  });

  it('"Check now" answers 202 with a job that checks the source', async () => {
    pages.set('/pricing-c', { type: 'text/html', body: pricingPage('$19') });
    const { owner, source: src } = await setup('/pricing-c');
    const res = await t.call(owner, 'POST', `/api/v1/sources/${src.id}/check`);
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json<{ jobId: string }>();
    // Pressed twice before it ran: the same job.
    expect((await t.call(owner, 'POST', `/api/v1/sources/${src.id}/check`)).json()).toEqual({
      jobId,
    });
    const checked = await eventually(
      async () => {
        const list = (
          await t.call(owner, 'GET', `/api/v1/competitors/${src.competitorId}/sources`)
        ).json<{ items: Source[] }>();
        return list.items[0]?.lastCheckedAt ? list.items[0] : undefined;
      },
      20_000,
      'the check',
    );
    expect(checked.status).toBe('ok');
  });
});

describe('monitoring a feed', () => {
  const feed = (
    n: number,
  ) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Rival blog</title>
${Array.from(
  { length: n },
  (
    _,
    i,
  ) => `<item><title>Post ${i + 1} &amp; news</title><link>https://rival.example/blog/${i + 1}?utm_source=rss</link>
<guid>post-${i + 1}</guid><pubDate>Mon, 0${(i % 9) + 1} Nov 2026 10:00:00 GMT</pubDate>
<description><![CDATA[<p>We launched <b>feature ${i + 1}</b>.</p>]]></description></item>`,
).join('\n')}
</channel></rss>`;

  it('three new items become three evidence rows, none duplicated on the next check', async () => {
    pages.set('/feed', { type: 'application/rss+xml', body: feed(2) });
    const { source: src } = await setup('/feed', { kind: 'feed' });
    expect(await checkSource(t.services, src.id)).toMatchObject({ outcome: 'feed', added: 2 });
    pages.set('/feed', { type: 'application/rss+xml', body: feed(5) });
    expect(await checkSource(t.services, src.id)).toMatchObject({ outcome: 'feed', added: 3 });
    expect(await checkSource(t.services, src.id)).toMatchObject({ outcome: 'feed', added: 0 });
    const items = await t.db().select().from(evidence).where(eq(evidence.sourceId, src.id));
    expect(items).toHaveLength(5);
    expect(items.every((e) => e.kind === 'feed_item')).toBe(true);
    const third = items.find((e) => e.title === 'Post 3 & news');
    expect(third?.content).toContain('We launched feature 3.');
  });

  it('refuses a feed with an entity-expansion payload without expanding it', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<rss version="2.0"><channel><title>x</title><item><title>&c;</title><guid>1</guid></item></channel></rss>`;
    pages.set('/bomb-feed', { type: 'application/xml', body: bomb });
    const { source: src } = await setup('/bomb-feed', { kind: 'feed' });
    await checkSource(t.services, src.id);
    const items = await t.db().select().from(evidence).where(eq(evidence.sourceId, src.id));
    for (const item of items) expect(item.content).not.toContain('aaaaaaaaaa');
  });
});

describe('failing sources', () => {
  it.each([
    ['/slow', 'timeout'],
    ['/huge', 'too_large'],
    ['/loop', 'too_many_redirects'],
    ['/broken', 'http_status'],
  ])('%s fails with %s, backs off and does not stop the scheduler', async (path, code) => {
    pages.set('/healthy', { type: 'text/html', body: pricingPage('$10') });
    const { owner, competitorId, source: src } = await setup(path, { intervalMinutes: 10 });
    const started = Date.now();
    expect(await checkSource(t.services, src.id)).toMatchObject({
      outcome: 'failed',
      code,
      failures: 1,
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    await checkSource(t.services, src.id);
    const [row] = await t.db().select().from(source).where(eq(source.id, src.id));
    expect(row).toMatchObject({ status: 'failing', lastErrorCode: code, consecutiveFailures: 2 });
    // Second failure in a row: twice the interval.
    const waitMinutes = (row!.nextCheckAt.getTime() - Date.now()) / 60_000;
    expect(waitMinutes).toBeGreaterThan(19);
    expect(waitMinutes).toBeLessThan(21);
    const listed = (
      await t.call(owner, 'GET', `/api/v1/competitors/${competitorId}/sources`)
    ).json<{ items: Source[] }>();
    expect(listed.items[0]!.lastError).toBeTruthy();

    // The failing source is not due; a healthy one still gets enqueued and checked.
    const healthy = await t.create<Source>(owner, `/api/v1/competitors/${competitorId}/sources`, {
      url: `${site.origin}/healthy`,
    });
    expect(await enqueueDueSources(t.services, () => 0)).toBeGreaterThanOrEqual(1);
    await eventually(
      async () => {
        const [h] = await t.db().select().from(source).where(eq(source.id, healthy.id));
        return h?.lastCheckedAt ? h : undefined;
      },
      20_000,
      'the healthy check',
    );
  });

  it('refuses a catastrophic ignore pattern and a bad selector with 400', async () => {
    const { owner, source: src } = await setup('/whatever');
    const bad = await t.call(owner, 'PATCH', `/api/v1/sources/${src.id}`, {
      ignoreRules: { selectors: [], patterns: ['(a+)+$'] },
    });
    expect(bad.statusCode).toBe(400);
    const selector = await t.call(owner, 'PATCH', `/api/v1/sources/${src.id}`, {
      selector: 'div[',
    });
    expect(selector.statusCode).toBe(400);
    const interval = await t.call(owner, 'PATCH', `/api/v1/sources/${src.id}`, {
      intervalMinutes: 1,
    });
    expect(interval.statusCode).toBe(400);
  });
});
