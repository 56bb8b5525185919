import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffLines, findChangedLine, ignorePatternForLine } from '../../../common/diff-lines';
import type { Change, ChangeSummary, IgnoreLineResult, Source } from '../../../common/monitoring';
import { regexProblem } from '../../../common/monitoring-values';
import { aiRun, change } from '../../db/schema';
import { EVENTS_CHANNEL } from '../../lib/jobs/job-queue';
import { createLogger } from '../../lib/logger';
import { type LocalServer, startLocalServer } from '../../lib/safe-fetch/test-servers';
import type { Services } from '../../services';
import { type FakeLlmServer, scriptedModel, startFakeOpenAi } from '../../test/fake-llm';
import { type Account, addMember, registerOwner } from '../../test/factories';
import { eventually } from '../../test/harness';
import { useTestApp } from '../../test/test-app';
import { aiEngines } from '../ai/ai-engines';
import type { Engine } from '../ai/contracts';
import { type AiEngine, createAiEngine } from '../ai/engine';
import { createLocalEngine } from '../ai/local';
import { useFetcherOptions } from '../sources/fetcher';
import { checkSource } from '../sources/source-check';
import { wordDiff } from './word-diff';

/** Change summaries through the AI engines, feed items as changes, and "ignore this line". */
const t = useTestApp({ env: { SAFE_FETCH_ALLOW: '127.0.0.1' }, jobs: {} });

const pages = new Map<string, { type: string; body: string }>();
let site: LocalServer;
let llm: FakeLlmServer;
let llmEngine: AiEngine;

beforeAll(async () => {
  site = await startLocalServer((req, res) => {
    const page = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': page.type });
    res.end(page.body);
  });
  llm = await startFakeOpenAi(scriptedModel);
});
afterAll(async () => {
  llmEngine?.shutdown();
  await site.close();
  await llm.close();
});

/** The app's services with other AI engines (and the same fetcher limits). */
function withEngines(engine: Engine, local: Engine = engine): Services {
  const services: Services = {
    ...t.services,
    ai: () => Promise.resolve(aiEngines(t.config, engine, local)),
  };
  useFetcherOptions(services, { allow: ['127.0.0.1'] });
  return services;
}

const page = (body: string) =>
  `<!doctype html><html><head><title>Rival pricing</title></head><body><main>${body}</main></body></html>`;

async function watch(path: string, body: object = {}) {
  const owner = await registerOwner(t.app);
  const rival = await t.create<{ id: string }>(owner, '/api/v1/competitors', {
    name: `Rival ${Math.random().toString(36).slice(2, 8)}`,
  });
  const src = await t.create<Source>(owner, `/api/v1/competitors/${rival.id}/sources`, {
    url: `${site.origin}${path}`,
    ...body,
  });
  return { owner, competitorId: rival.id, src, workspaceId: owner.auth.workspace.id };
}

const changesOf = async (who: Account, query = '') =>
  (await t.call(who, 'GET', `/api/v1/changes${query}`)).json<{ items: ChangeSummary[] }>().items;
const detail = async (who: Account, id: string) =>
  (await t.call(who, 'GET', `/api/v1/changes/${id}`)).json<Change>();

describe('change summaries through the AI pipeline', () => {
  it('the local engine summarises; the price pairing of the rules is kept', async () => {
    pages.set('/p1', {
      type: 'text/html',
      body: page('<p>The Pro plan costs $49 per user per month.</p>'),
    });
    const { owner, src } = await watch('/p1');
    await checkSource(t.services, src.id);
    pages.set('/p1', {
      type: 'text/html',
      body: page('<p>The Pro plan costs $59 per user per month.</p>'),
    });
    expect(await checkSource(t.services, src.id)).toMatchObject({ outcome: 'changed' });
    const [c] = await changesOf(owner);
    const full = await detail(owner, c!.id);
    expect(full.engine).toBe('local:ringside-local');
    expect(full.class).toBe('pricing');
    expect(full.priceChanges).toEqual([
      expect.objectContaining({ from: '$49 per user per month', to: '$59 per user per month' }),
    ]);
    expect(full.summary).toContain('$59');
  });

  it('with an LLM: redacted prompt, engine recorded, tokens counted, answers cached', async () => {
    llmEngine = createAiEngine({
      config: {
        ai: {
          ...t.config.ai,
          provider: 'openai',
          model: 'gpt-4o-mini',
          baseUrl: llm.url,
          apiKey: 'k',
        },
      },
      log: createLogger('silent'),
      local: createLocalEngine(),
    });
    const services = withEngines(llmEngine, createLocalEngine());
    const version = (price: string) =>
      page(
        `<p>Pro costs ${price} per user.</p><p>Questions? Write to sales.lead@rival.example.</p>`,
      );
    pages.set('/p2', { type: 'text/html', body: version('$49') });
    const { owner, src, workspaceId } = await watch('/p2');
    await checkSource(services, src.id);
    const before = llm.requests.length;
    pages.set('/p2', { type: 'text/html', body: version('$59') });
    expect(await checkSource(services, src.id)).toMatchObject({ outcome: 'changed' });
    expect(llm.requests.length).toBe(before + 1);
    const request = llm.requests.at(-1)!;
    expect(request.user).toContain('$59');
    // A changed line's neighbour goes as context; the address never leaves the machine.
    expect(request.raw).not.toContain('sales.lead@rival.example');

    const [c] = await changesOf(owner);
    const full = await detail(owner, c!.id);
    expect(full).toMatchObject({ engine: 'llm:gpt-4o-mini', class: 'pricing' });
    expect(full.summary).toBe('Price changed from $49 to $59.');
    expect(full.priceChanges[0]).toMatchObject({ from: '$49 per user', to: '$59 per user' });
    const runs = await t
      .db()
      .select()
      .from(aiRun)
      .where(and(eq(aiRun.workspaceId, workspaceId), eq(aiRun.kind, 'summarize')));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.tokensIn).toBeGreaterThan(0);

    // Back and forth: the third change has the first one's input, and comes from the cache.
    pages.set('/p2', { type: 'text/html', body: version('$49') });
    await checkSource(services, src.id);
    pages.set('/p2', { type: 'text/html', body: version('$59') });
    await checkSource(services, src.id);
    expect(llm.requests.length).toBe(before + 2);
    expect((await changesOf(owner)).map((x) => x.summary)).toContain(
      'Price changed from $49 to $59.',
    );
  });

  it('when the agent fails, the rules summarise and say so', async () => {
    const local = createLocalEngine();
    const broken: Engine = { ...local, run: () => Promise.reject(new Error('engine down')) };
    const services = withEngines(broken);
    pages.set('/p3', { type: 'text/html', body: page('<p>Team plan: $10 per seat.</p>') });
    const { owner, src } = await watch('/p3');
    await checkSource(services, src.id);
    pages.set('/p3', { type: 'text/html', body: page('<p>Team plan: $12 per seat.</p>') });
    expect(await checkSource(services, src.id)).toMatchObject({ outcome: 'changed' });
    const [c] = await changesOf(owner);
    expect(await detail(owner, c!.id)).toMatchObject({
      engine: 'local-rules',
      class: 'pricing',
      priceChanges: [expect.objectContaining({ from: '$10 per seat', to: '$12 per seat' })],
    });
  });
});

describe('feed items as changes', () => {
  const feed = (titles: string[]) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Rival blog</title>${titles
      .map(
        (title, i) =>
          `<item><title>${title}</title><link>https://rival.example/blog/${i}</link><guid>g-${title}</guid></item>`,
      )
      .join('')}</channel></rss>`;

  it('each new item is one change (news unless it says otherwise), announced, never twice', async () => {
    pages.set('/feed', { type: 'application/rss+xml', body: feed(['Old post']) });
    const { owner, src, workspaceId } = await watch('/feed', { kind: 'feed' });
    // The first check is the baseline: the old post is evidence, not news.
    expect(await checkSource(t.services, src.id)).toMatchObject({ added: 1, changes: 0 });
    expect(await changesOf(owner)).toHaveLength(0);

    const events: { type: string; id: string; workspaceId: string }[] = [];
    const unsubscribe = await t.services.pubsub.subscribe(EVENTS_CHANNEL, (m) => {
      const message = m as { type: string; id: string; workspaceId: string };
      if (message.type === 'change.detected' && message.workspaceId === workspaceId) {
        events.push(message);
      }
    });
    pages.set('/feed', {
      type: 'application/rss+xml',
      body: feed([
        'Rival announces partnership with Globex',
        'Rival launches AI assistant for support teams',
        'New pricing: the Pro plan now costs $59 per user per month',
        'Old post',
      ]),
    });
    expect(await checkSource(t.services, src.id)).toMatchObject({ added: 3, changes: 3 });
    expect(await checkSource(t.services, src.id)).toMatchObject({ added: 0, changes: 0 });
    const changes = await changesOf(owner);
    expect(changes).toHaveLength(3);
    const byTitle = (words: string) => changes.find((c) => c.summary.includes(words))!;
    expect(byTitle('Globex').class).toBe('news');
    expect(byTitle('AI assistant').class).toBe('product');
    expect(byTitle('$59').class).toBe('pricing');
    expect(byTitle('Globex').url).toBe('https://rival.example/blog/0');
    const one = await detail(owner, byTitle('Globex').id);
    expect(one.diff).toEqual([{ op: 'insert', text: 'Rival announces partnership with Globex' }]);
    expect(one.afterEvidenceId).not.toBeNull();

    const announced = changes.filter((c) => c.importance >= 0.4).map((c) => c.id);
    expect(announced.length).toBeGreaterThan(0);
    await eventually(
      async () => (events.length >= announced.length ? true : undefined),
      3_000,
      'change.detected for the feed items',
    );
    await unsubscribe();
    expect(events.map((e) => e.id).sort()).toEqual(announced.sort());
  });
});

describe('ignore this line', () => {
  it('turns a changed line into a line-anchored pattern that survives its numbers changing', () => {
    const lines = diffLines(
      wordDiff(
        'Pricing\nOnly 3 seats left at this price\nOld banner',
        'Pricing\nOnly 2 seats left at this price\nSpring sale (20% off)',
      ).parts,
    );
    const seats = findChangedLine(lines, 'Only 2 seats left at this price')!;
    const pattern = ignorePatternForLine(seats, 'Only 2 seats left at this price')!;
    expect(regexProblem(pattern)).toBeNull();
    const re = new RegExp(pattern, 'giu');
    expect('a\nOnly 9 seats left at this price\nb'.replace(re, '')).toBe('a\nb');
    // Not a prefix of a longer line, not text inside another line.
    expect('Only 9 seats left at this price tag'.replace(re, '')).toBe(
      'Only 9 seats left at this price tag',
    );
    const banner = findChangedLine(lines, 'Spring sale (20% off)')!;
    const literal = new RegExp(ignorePatternForLine(banner, 'Spring sale (20% off)')!, 'giu');
    expect('x\nSpring sale (20% off)\ny'.replace(literal, '')).toBe('x\ny');
    expect(findChangedLine(lines, 'Pricing')).toBeUndefined();
  });

  it('POST /changes/:id/ignore adds the rule; the next check with only that line changed is no change', async () => {
    const version = (seats: number, price: string) =>
      page(
        `<h1>Pricing</h1><p>Pro costs ${price} per user.</p><p>Only ${seats} seats left at this price</p>`,
      );
    pages.set('/p4', { type: 'text/html', body: version(5, '$49') });
    const { owner, src } = await watch('/p4');
    await checkSource(t.services, src.id);
    pages.set('/p4', { type: 'text/html', body: version(4, '$49') });
    expect(await checkSource(t.services, src.id)).toMatchObject({ outcome: 'changed' });
    const [c] = await changesOf(owner);

    const viewer = await addMember(t.app, owner, 'viewer', 'Val Viewer');
    const body = { line: 'Only 4 seats left at this price' };
    expect((await t.call(viewer, 'POST', `/api/v1/changes/${c!.id}/ignore`, body)).statusCode).toBe(
      403,
    );
    const stranger = await registerOwner(t.app);
    expect(
      (await t.call(stranger, 'POST', `/api/v1/changes/${c!.id}/ignore`, body)).statusCode,
    ).toBe(404);
    const wrong = await t.call(owner, 'POST', `/api/v1/changes/${c!.id}/ignore`, {
      line: 'Pricing',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { code: 'line_not_in_change' } });
    expect((await t.call(owner, 'POST', `/api/v1/changes/${c!.id}/ignore`, {})).statusCode).toBe(
      400,
    );

    const res = await t.call(owner, 'POST', `/api/v1/changes/${c!.id}/ignore`, body);
    expect(res.statusCode).toBe(200);
    const result = res.json<IgnoreLineResult>();
    expect(result.ignoreRules.patterns).toEqual([result.pattern]);
    // Twice is once.
    const again = await t.call(owner, 'POST', `/api/v1/changes/${c!.id}/ignore`, body);
    expect(again.json<IgnoreLineResult>().ignoreRules.patterns).toHaveLength(1);

    // Only the ignored line changes: compared against the last snapshot (no new baseline).
    pages.set('/p4', { type: 'text/html', body: version(3, '$49') });
    expect(await checkSource(t.services, src.id)).toMatchObject({ outcome: 'unchanged' });
    expect(await changesOf(owner)).toHaveLength(1);

    // Something else changes too: a change, and its diff does not show the ignored line.
    pages.set('/p4', { type: 'text/html', body: version(2, '$59') });
    expect(await checkSource(t.services, src.id)).toMatchObject({ outcome: 'changed' });
    const latest = (await changesOf(owner))[0]!;
    const full = await detail(owner, latest.id);
    expect(full.class).toBe('pricing');
    expect(full.diff.map((p) => p.text).join('')).not.toContain('seats left');
    const [row] = await t.db().select().from(change).where(eq(change.id, latest.id));
    expect(row!.removed).toBe(1);
    const listed = (
      await t.call(owner, 'GET', `/api/v1/competitors/${src.competitorId}/sources`)
    ).json<{ items: Source[] }>().items;
    expect(listed[0]).toMatchObject({ changeCount: 2 });
  });
});
