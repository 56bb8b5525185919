import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Competitor } from '../../../common/competitors';
import { battlecard, claim, deal, evidence } from '../../db/schema';
import { insertBattlecard, insertClaim, insertEvidence } from '../../test/core-factories';
import { type Account, addMember, registerOwner } from '../../test/factories';
import { fieldsOf, useTestApp } from '../../test/test-app';
import { cardCacheKey } from '../battlecards/card-cache';

const t = useTestApp();
const { call, db } = t;
const create = (who: Account, payload: object) =>
  t.create<Competitor>(who, '/api/v1/competitors', payload);
const wsOf = (who: Account) => who.auth.workspace.id;

describe('creating competitors', () => {
  it('stores a trimmed name, lower-cased unique tags and defaults; records the event', async () => {
    const owner = await registerOwner(t.app);
    const created = await create(owner, {
      name: '  Acme Analytics  ',
      website: 'https://acme.example.com',
      tier: 'primary',
      tags: ['Enterprise', 'enterprise', 'BI'],
    });
    expect(created).toMatchObject({
      name: 'Acme Analytics',
      website: 'https://acme.example.com',
      summary: '',
      tier: 'primary',
      tags: ['enterprise', 'bi'],
      logoUrl: null,
      counts: { evidence: 0, battlecards: 0, deals: 0 },
      lastEvidenceAt: null,
      winRate: null,
    });
    const recorded = await t.recordedEvent('competitor.created', created.id);
    expect(recorded).toMatchObject({ workspaceId: wsOf(owner), actorId: owner.auth.user.id });
    const read = await call(owner, 'GET', `/api/v1/competitors/${created.id}`);
    expect(read.json()).toEqual(created);
  });

  it('refuses a duplicate name in any case or spacing with 409, but not across workspaces', async () => {
    const owner = await registerOwner(t.app);
    await create(owner, { name: 'Acme Corp' });
    const dup = await call(owner, 'POST', '/api/v1/competitors', { name: '  ACME corp ' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('competitor_exists');
    expect(fieldsOf(dup)).toEqual(['body.name']);
    await create(await registerOwner(t.app), { name: 'Acme Corp' });
  });

  it('lets exactly one of two simultaneous creations of a name win', async () => {
    const owner = await registerOwner(t.app);
    const results = await Promise.all(
      ['Race Rival', 'race rival ', ' RACE RIVAL'].map((name) =>
        call(owner, 'POST', '/api/v1/competitors', { name }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it('rejects invalid bodies with 400 and the field paths', async () => {
    const owner = await registerOwner(t.app);
    const cases: [object, string[]][] = [
      [{ name: 'A' }, ['body.name']],
      [{ name: '<b>Acme</b>' }, ['body.name']],
      [{ name: 'x'.repeat(121) }, ['body.name']],
      [{ name: 'Acme', website: 'ftp://acme.example.com' }, ['body.website']],
      [{ name: 'Acme', tier: 'huge' }, ['body.tier']],
      [{ name: 'Acme', tags: ['<i>'] }, ['body.tags.0']],
      [{ name: 'Acme', ranking: 1 }, ['body.ranking']],
      [{}, ['body.name']],
    ];
    for (const [payload, paths] of cases) {
      const res = await call(owner, 'POST', '/api/v1/competitors', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(fieldsOf(res)).toEqual(paths);
    }
  });

  it('lets viewers read but not write', async () => {
    const owner = await registerOwner(t.app);
    const viewer = await addMember(t.app, owner, 'viewer');
    const rival = await create(owner, { name: 'Readable Rival' });
    expect((await call(viewer, 'GET', `/api/v1/competitors/${rival.id}`)).statusCode).toBe(200);
    expect((await call(viewer, 'POST', '/api/v1/competitors', { name: 'Nope' })).statusCode).toBe(
      403,
    );
    const patch = await call(viewer, 'PATCH', `/api/v1/competitors/${rival.id}`, { summary: 'x' });
    expect(patch.statusCode).toBe(403);
    expect((await call(viewer, 'DELETE', `/api/v1/competitors/${rival.id}`)).statusCode).toBe(403);
  });
});

describe('one competitor', () => {
  it("answers 404 for another workspace's competitor and for unknown ids", async () => {
    const owner = await registerOwner(t.app);
    const other = await registerOwner(t.app);
    const rival = await create(owner, { name: 'Private Rival' });
    for (const [method, payload] of [
      ['GET', undefined],
      ['PATCH', { summary: 'taken over' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await call(other, method, `/api/v1/competitors/${rival.id}`, payload);
      expect(res.statusCode, method).toBe(404);
      expect(res.json().error.code).toBe('competitor_not_found');
    }
    const unknown = await call(owner, 'GET', `/api/v1/competitors/${crypto.randomUUID()}`);
    expect(unknown.json().error.code).toBe('competitor_not_found');
    const malformed = await call(owner, 'GET', '/api/v1/competitors/not-a-uuid');
    expect(fieldsOf(malformed)).toEqual(['params.id']);
    expect((await call(owner, 'GET', `/api/v1/competitors/${rival.id}`)).json().summary).toBe('');
  });

  it('renames; a name taken by another competitor is a 409', async () => {
    const owner = await registerOwner(t.app);
    const acme = await create(owner, { name: 'Acme' });
    await create(owner, { name: 'Globex' });
    const taken = await call(owner, 'PATCH', `/api/v1/competitors/${acme.id}`, {
      name: ' globex ',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('competitor_exists');
    const recased = await call(owner, 'PATCH', `/api/v1/competitors/${acme.id}`, {
      name: 'ACME',
      website: null,
      tags: ['Fast'],
    });
    expect(recased.statusCode).toBe(200);
    expect(recased.json()).toMatchObject({ name: 'ACME', website: null, tags: ['fast'] });
    expect(Date.parse(recased.json().updatedAt)).toBeGreaterThan(Date.parse(acme.updatedAt));
    const markup = await call(owner, 'PATCH', `/api/v1/competitors/${acme.id}`, {
      name: 'Acme <script>',
    });
    expect(fieldsOf(markup)).toEqual(['body.name']);
  });

  it('drops its cards from the card cache when the name or logo changes, and only then', async () => {
    const owner = await registerOwner(t.app);
    const rival = await create(owner, { name: 'Cached Rival' });
    const { id: cardId } = await insertBattlecard(t.services, {
      workspaceId: wsOf(owner),
      competitorId: rival.id,
    });
    const key = cardCacheKey(cardId);
    const cachedNow = async () => (await t.services.cache.get(key)) !== undefined;
    const patch = (payload: object) =>
      call(owner, 'PATCH', `/api/v1/competitors/${rival.id}`, payload);

    await t.services.cache.set(key, { title: 'Card' }, 60_000);
    expect((await patch({ summary: 'A new summary' })).statusCode).toBe(200);
    expect(await cachedNow()).toBe(true);
    expect((await patch({ name: 'Cached Rival' })).statusCode).toBe(200);
    expect(await cachedNow()).toBe(true);
    expect((await patch({ name: 'Renamed Rival' })).statusCode).toBe(200);
    expect(await cachedNow()).toBe(false);
    await t.services.cache.set(key, { title: 'Card' }, 60_000);
    expect((await patch({ logoUrl: 'https://cdn.example.com/logo.png' })).statusCode).toBe(200);
    expect(await cachedNow()).toBe(false);
  });

  it('is deleted by admins with its evidence, cards and deals; other cards citing it turn stale', async () => {
    const owner = await registerOwner(t.app);
    const editor = await addMember(t.app, owner, 'editor');
    const admin = await addMember(t.app, owner, 'admin');
    const ws = wsOf(owner);
    const doomed = await create(owner, { name: 'Doomed' });
    const kept = await create(owner, { name: 'Kept' });
    const note = await insertEvidence(t.services, {
      workspaceId: ws,
      competitorId: doomed.id,
      title: 'Doomed pricing page',
      content: 'Doomed charges $99 per seat.',
    });
    const keptNote = await insertEvidence(t.services, {
      workspaceId: ws,
      competitorId: kept.id,
      content: 'Kept ships weekly.',
    });
    const doomedCard = await insertBattlecard(t.services, {
      workspaceId: ws,
      competitorId: doomed.id,
    });
    const keptCard = await insertBattlecard(t.services, { workspaceId: ws, competitorId: kept.id });
    await db().insert(deal).values({
      workspaceId: ws,
      competitorId: doomed.id,
      outcome: 'won',
      closedAt: new Date(),
    });
    const comparison = await insertClaim(t.services, {
      workspaceId: ws,
      battlecardId: keptCard.id,
      section: 'pricing',
      text: 'Cheaper than Doomed',
      citations: [
        { evidenceId: keptNote.id, quote: 'Kept ships weekly' },
        { evidenceId: note.id, quote: '$99 per seat' },
      ],
    });
    for (const id of [doomedCard.id, keptCard.id]) {
      await t.services.cache.set(cardCacheKey(id), { id }, 60_000);
    }

    expect((await call(editor, 'DELETE', `/api/v1/competitors/${doomed.id}`)).statusCode).toBe(403);
    expect((await call(admin, 'DELETE', `/api/v1/competitors/${doomed.id}`)).statusCode).toBe(204);
    expect((await call(admin, 'GET', `/api/v1/competitors/${doomed.id}`)).statusCode).toBe(404);
    expect(await db().select().from(evidence).where(eq(evidence.competitorId, doomed.id))).toEqual(
      [],
    );
    expect(await db().select().from(battlecard).where(eq(battlecard.id, doomedCard.id))).toEqual(
      [],
    );
    expect(await db().select().from(deal).where(eq(deal.competitorId, doomed.id))).toEqual([]);
    const [after] = await db().select().from(claim).where(eq(claim.id, comparison.id));
    expect(after).toMatchObject({
      stale: true,
      staleReason: 'Its evidence from Doomed was deleted with the competitor',
      citations: [{ evidenceId: keptNote.id, quote: 'Kept ships weekly' }],
    });
    expect(await t.services.cache.get(cardCacheKey(doomedCard.id))).toBeUndefined();
    expect(await t.services.cache.get(cardCacheKey(keptCard.id))).toBeUndefined();
    const recorded = await t.recordedEvent('competitor.deleted', doomed.id);
    expect(recorded?.actorId).toBe(admin.auth.user.id);
  });
});
