import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Evidence, EvidenceSummary } from '../../../common/competitors';
import { battlecard, claim, evidence } from '../../db/schema';
import {
  insertBattlecard,
  insertClaim,
  insertCompetitor,
  insertEvidence,
} from '../../test/core-factories';
import { type Account, addMember, registerOwner } from '../../test/factories';
import { fieldsOf, useTestApp } from '../../test/test-app';
import { cardCacheKey } from '../battlecards/card-cache';
import { excerptOf } from './evidence.service';

const t = useTestApp();
const { call, db } = t;
const rivalOf = (who: Account, name?: string) =>
  insertCompetitor(t.services, who.auth.workspace.id, name ? { name } : {});
const addEvidence = (who: Account, competitorId: string, payload: object) =>
  t.create<Evidence>(who, `/api/v1/competitors/${competitorId}/evidence`, payload);
type EvidencePage = { items: EvidenceSummary[]; nextCursor: string | null };

describe('adding evidence', () => {
  it('stores the content exactly as given, with its hash, word count and capture time', async () => {
    const owner = await registerOwner(t.app, { name: 'Nora Note' });
    const rival = await rivalOf(owner);
    const content = '  <script>alert("pwned")</script>\n\nTheir   Enterprise plan is $49/seat.  \n';
    const before = Date.now();
    const created = await addEvidence(owner, rival.id, {
      kind: 'webpage',
      title: '  Pricing page  ',
      content,
      url: 'https://rival.example.com/pricing',
      publishedAt: '2024-05-01T09:00:00+02:00',
    });
    expect(created).toMatchObject({
      competitorId: rival.id,
      kind: 'webpage',
      title: 'Pricing page',
      content,
      url: 'https://rival.example.com/pricing',
      publishedAt: '2024-05-01T07:00:00.000Z',
      contentHash: createHash('sha256').update(content).digest('hex'),
      wordCount: 6,
      createdBy: { id: owner.auth.user.id, name: 'Nora Note' },
      citedBy: 0,
      canDelete: true,
      excerpt: '<script>alert("pwned")</script> Their Enterprise plan is $49/seat.',
    });
    expect(Date.parse(created.capturedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(created.capturedAt)).toBeLessThanOrEqual(Date.now() + 1000);
    const read = await call(owner, 'GET', `/api/v1/evidence/${created.id}`);
    expect(read.json()).toEqual(created);
    const recorded = await t.recordedEvent('evidence.created', created.id);
    expect(recorded?.data).toMatchObject({ competitorId: rival.id, kind: 'webpage' });
  });

  it('takes 200,000 characters of content and refuses 200,001', async () => {
    const owner = await registerOwner(t.app);
    const rival = await rivalOf(owner);
    const big = `${'word '.repeat(39_999)}last.`;
    expect(big.length).toBe(200_000);
    const created = await addEvidence(owner, rival.id, {
      kind: 'note',
      title: 'Big',
      content: big,
    });
    expect(created.wordCount).toBe(40_000);
    const stored = await call(owner, 'GET', `/api/v1/evidence/${created.id}`);
    expect(stored.json().content).toBe(big);
    const tooBig = await call(owner, 'POST', `/api/v1/competitors/${rival.id}/evidence`, {
      kind: 'note',
      title: 'Too big',
      content: `${big}!`,
    });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.code).toBe('validation_failed');
    expect(fieldsOf(tooBig)).toEqual(['body.content']);
  });

  it('rejects invalid bodies with the field paths, viewers with 403, strangers with 404', async () => {
    const owner = await registerOwner(t.app);
    const viewer = await addMember(t.app, owner, 'viewer');
    const rival = await rivalOf(owner);
    const url = `/api/v1/competitors/${rival.id}/evidence`;
    const cases: [object, string[]][] = [
      [{ kind: 'snapshot', title: 'T', content: 'c' }, ['body.kind']],
      [{ kind: 'note', title: '', content: 'c' }, ['body.title']],
      [{ kind: 'note', title: 'T', content: '   ' }, ['body.content']],
      [{ kind: 'note', title: 'T', content: 'c', url: 'javascript:alert(1)' }, ['body.url']],
      [{ kind: 'note', title: 'T', content: 'c', publishedAt: 'May 1st' }, ['body.publishedAt']],
      [{ kind: 'note', title: 'T', content: 'c', source: 'x' }, ['body.source']],
    ];
    for (const [payload, paths] of cases) {
      const res = await call(owner, 'POST', url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fieldsOf(res)).toEqual(paths);
    }
    const note = { kind: 'note', title: 'Note', content: 'Seen at a trade show.' };
    expect((await call(viewer, 'POST', url, note)).statusCode).toBe(403);
    const stranger = await registerOwner(t.app);
    const foreign = await call(stranger, 'POST', url, note);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('competitor_not_found');
    const foreignList = await call(stranger, 'GET', url);
    expect(foreignList.json().error.code).toBe('competitor_not_found');
  });
});

describe('reading evidence', () => {
  it('is 404 in another workspace, for reading and deleting', async () => {
    const owner = await registerOwner(t.app);
    const rival = await rivalOf(owner);
    const item = await addEvidence(owner, rival.id, {
      kind: 'note',
      title: 'Mine',
      content: 'x y',
    });
    const stranger = await registerOwner(t.app);
    for (const method of ['GET', 'DELETE'] as const) {
      const res = await call(stranger, method, `/api/v1/evidence/${item.id}`);
      expect(res.statusCode, method).toBe(404);
      expect(res.json().error.code).toBe('evidence_not_found');
    }
    const list = await call(stranger, 'GET', '/api/v1/evidence');
    expect(list.json().items).toEqual([]);
    expect((await call(owner, 'GET', `/api/v1/evidence/${item.id}`)).statusCode).toBe(200);
  });

  it('finds by a word in the content, and filters by kind, competitor and capture time', async () => {
    const owner = await registerOwner(t.app);
    const ws = owner.auth.workspace.id;
    const acme = await rivalOf(owner, 'Acme');
    const globex = await rivalOf(owner, 'Globex');
    const at = (day: number) => new Date(Date.UTC(2024, 4, day, 12));
    const seed = (competitorId: string, content: string, extra: object) =>
      insertEvidence(t.services, { workspaceId: ws, competitorId, content, ...extra });
    const a = await seed(acme.id, 'They launched two integrations with Salesforce.', {
      capturedAt: at(1),
    });
    const b = await seed(acme.id, 'Pricing rose to $60 per seat.', {
      kind: 'webpage',
      capturedAt: at(3),
    });
    const c = await seed(globex.id, 'Globex lost the Initech deal on integration depth.', {
      kind: 'win_loss',
      capturedAt: at(5),
    });
    // Another workspace's evidence never shows.
    const stranger = await registerOwner(t.app);
    await insertEvidence(t.services, {
      workspaceId: stranger.auth.workspace.id,
      competitorId: (await rivalOf(stranger)).id,
      content: 'An integration elsewhere.',
    });
    const ids = async (query: string, base = '/api/v1/evidence') =>
      (await call(owner, 'GET', `${base}?${query}`)).json<EvidencePage>().items.map((e) => e.id);

    expect(await ids('')).toEqual([c.id, b.id, a.id]);
    // Full text with stemming: "integration" finds "integrations".
    expect(await ids('q=integration')).toEqual([c.id, a.id]);
    expect(await ids('q=salesforce')).toEqual([a.id]);
    expect(await ids('q=%22per%20seat%22')).toEqual([b.id]);
    expect(await ids('q=kubernetes')).toEqual([]);
    expect(await ids('kind=win_loss')).toEqual([c.id]);
    expect(await ids(`competitorId=${acme.id}`)).toEqual([b.id, a.id]);
    expect(await ids('q=integration', `/api/v1/competitors/${acme.id}/evidence`)).toEqual([a.id]);
    expect(await ids('from=2024-05-02T00:00:00Z&to=2024-05-04T00:00:00Z')).toEqual([b.id]);
    expect(await ids(`from=${at(3).toISOString()}`)).toEqual([c.id, b.id]);
    const bad = await call(owner, 'GET', '/api/v1/evidence?kind=rumour&from=yesterday');
    expect(fieldsOf(bad).sort()).toEqual(['querystring.from', 'querystring.kind']);
  });

  it('lists an excerpt, not the content, and counts the claims citing each item', async () => {
    const owner = await registerOwner(t.app);
    const ws = owner.auth.workspace.id;
    const rival = await rivalOf(owner);
    const long = await insertEvidence(t.services, {
      workspaceId: ws,
      competitorId: rival.id,
      content: `Intro\n\n\t${'detail '.repeat(100)}`,
      capturedAt: new Date('2024-01-01T00:00:00Z'),
    });
    const cited = await insertEvidence(t.services, {
      workspaceId: ws,
      competitorId: rival.id,
      content: 'Short and cited.',
    });
    const cardRow = await insertBattlecard(t.services, { workspaceId: ws, competitorId: rival.id });
    for (const position of [0, 1]) {
      await insertClaim(t.services, {
        workspaceId: ws,
        battlecardId: cardRow.id,
        position,
        text: `Claim ${position}`,
        citations: [{ evidenceId: cited.id, quote: 'Short' }],
      });
    }
    const page = (await call(owner, 'GET', '/api/v1/evidence')).json<EvidencePage>();
    const [first, second] = page.items;
    expect(first).toMatchObject({ id: cited.id, excerpt: 'Short and cited.', citedBy: 2 });
    expect(first).not.toHaveProperty('content');
    expect(second!.id).toBe(long.id);
    expect(second!.citedBy).toBe(0);
    expect(second!.excerpt).toMatch(/^Intro detail detail /);
    expect(second!.excerpt.length).toBeGreaterThan(270);
    expect(second!.excerpt.length).toBeLessThanOrEqual(280);
    expect(second!.excerpt.endsWith('…')).toBe(true);
    expect((await call(owner, 'GET', `/api/v1/evidence/${cited.id}`)).json().citedBy).toBe(2);
  });

  it('walks every page once; refuses limit 101 and a tampered cursor', async () => {
    const owner = await registerOwner(t.app);
    const ws = owner.auth.workspace.id;
    const rival = await rivalOf(owner);
    const sameInstant = new Date('2024-03-01T00:00:00Z');
    const created = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const row = await insertEvidence(t.services, {
        workspaceId: ws,
        competitorId: rival.id,
        content: `Note ${i}`,
        ...(i < 4 ? { capturedAt: sameInstant } : {}),
      });
      created.add(row.id);
    }
    const seen = (
      await t.allPages<EvidenceSummary>(owner, `/api/v1/competitors/${rival.id}/evidence?limit=3`)
    ).map((e) => e.id);
    expect(seen.length).toBe(8);
    expect(new Set(seen)).toEqual(created);

    const tooMany = await call(owner, 'GET', '/api/v1/evidence?limit=101');
    expect(fieldsOf(tooMany)).toEqual(['querystring.limit']);
    const tampered = Buffer.from(JSON.stringify(['2024-01-01', 'x'])).toString('base64url');
    const res = await call(owner, 'GET', `/api/v1/evidence?cursor=${tampered}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_cursor');
  });
});

describe('deleting evidence', () => {
  it('removes the citation from every claim citing it, marks them stale, drops their cards from the cache', async () => {
    const owner = await registerOwner(t.app);
    const viewer = await addMember(t.app, owner, 'viewer');
    const ws = owner.auth.workspace.id;
    const rival = await rivalOf(owner);
    const doomed = await addEvidence(owner, rival.id, {
      kind: 'call_snippet',
      title: 'Call with Initech',
      content: 'They said onboarding took six months.',
    });
    const kept = await addEvidence(owner, rival.id, {
      kind: 'note',
      title: 'Analyst note',
      content: 'Onboarding is slow per analysts.',
    });
    const cards = await Promise.all(
      ['Enterprise', 'SMB', 'Untouched'].map((title) =>
        insertBattlecard(t.services, { workspaceId: ws, competitorId: rival.id, title }),
      ),
    );
    const claimOf = (cardIndex: number, citations: { evidenceId: string; quote: string }[]) =>
      insertClaim(t.services, {
        workspaceId: ws,
        battlecardId: cards[cardIndex]!.id,
        section: 'weaknesses',
        text: 'Slow onboarding',
        citations,
      });
    const both = await claimOf(0, [
      { evidenceId: kept.id, quote: 'Onboarding is slow' },
      { evidenceId: doomed.id, quote: 'six months' },
    ]);
    const only = await claimOf(1, [{ evidenceId: doomed.id, quote: 'onboarding took' }]);
    const other = await claimOf(2, [{ evidenceId: kept.id, quote: 'per analysts' }]);
    for (const c of cards) await t.services.cache.set(cardCacheKey(c.id), { id: c.id }, 60_000);

    expect((await call(viewer, 'DELETE', `/api/v1/evidence/${doomed.id}`)).statusCode).toBe(403);
    expect((await call(owner, 'DELETE', `/api/v1/evidence/${doomed.id}`)).statusCode).toBe(204);
    expect((await call(owner, 'GET', `/api/v1/evidence/${doomed.id}`)).statusCode).toBe(404);
    expect((await call(owner, 'DELETE', `/api/v1/evidence/${doomed.id}`)).statusCode).toBe(404);

    const claimNow = async (id: string) =>
      (await db().select().from(claim).where(eq(claim.id, id)))[0]!;
    const reason = 'Its evidence "Call with Initech" was deleted';
    expect(await claimNow(both.id)).toMatchObject({
      stale: true,
      staleReason: reason,
      citations: [{ evidenceId: kept.id, quote: 'Onboarding is slow' }],
    });
    expect(await claimNow(only.id)).toMatchObject({
      stale: true,
      staleReason: reason,
      citations: [],
    });
    expect(await claimNow(other.id)).toMatchObject({ stale: false, staleReason: null });
    expect(await t.services.cache.get(cardCacheKey(cards[0]!.id))).toBeUndefined();
    expect(await t.services.cache.get(cardCacheKey(cards[1]!.id))).toBeUndefined();
    expect(await t.services.cache.get(cardCacheKey(cards[2]!.id))).toEqual({ id: cards[2]!.id });
    const [touched] = await db().select().from(battlecard).where(eq(battlecard.id, cards[0]!.id));
    expect(touched!.contentUpdatedAt.getTime()).toBeGreaterThan(
      cards[0]!.contentUpdatedAt.getTime(),
    );
    expect(await db().select().from(evidence).where(eq(evidence.id, doomed.id))).toEqual([]);
    const recorded = await t.recordedEvent('evidence.deleted', doomed.id);
    expect(recorded?.data).toMatchObject({ title: 'Call with Initech', staleCards: 2 });
  });
});

describe('excerpts', () => {
  it('collapses whitespace and cuts long text at 280 characters without splitting a character', () => {
    expect(excerptOf('  a \n\n b\t c  ')).toBe('a b c');
    const emoji = '😀'.repeat(300);
    const cut = excerptOf(emoji);
    expect([...cut].length).toBe(280);
    expect(cut.endsWith('😀…')).toBe(true);
  });
});
