import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Battlecard } from '../../../common/battlecards';
import type { Role } from '../../../common/permissions';
import { battlecard, event } from '../../db/schema';
import type { Cache } from '../../lib/cache/cache';
import type { RequestContext } from '../../lib/context';
import { type Account, addMember } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import {
  PRICING_TEXT,
  type Workspace,
  addClaim,
  asMember,
  caller,
  expectStatus,
  getCard,
  idsIn,
  insertClaimOn,
  withCard,
} from './battlecards.test-support';
import { BattlecardsService } from './battlecards.service';
import { cardCacheKey, invalidateCards, publishedCardCacheKey } from './card-cache';

/** The read-through card cache: reads never write, and every write shows on the next read. */
const t = useTestApp();

/** A request context as the auth hook builds it, for calling the service directly. */
function contextFor(w: Workspace, account: Account, role: Role): RequestContext {
  return {
    actor: { userId: account.auth.user.id, workspaceId: w.workspaceId, role, via: 'session' },
    workspaceId: w.workspaceId,
    db: t.db(),
    log: t.services.log,
    requestId: 'card-cache-test',
    ip: '127.0.0.1',
    userAgent: null,
  };
}

describe('the card cache', () => {
  it('does not write to the database on a read of either copy, and serves repeats from the cache', async () => {
    const w = await withCard(t);
    const viewer = await asMember(t, w, 'viewer');
    await insertClaimOn(t, w, { section: 'overview', text: 'A horizontal suite.' });
    expectStatus(await w.as('POST', `${w.url}/publish`, {}), 201);
    const updatedAt = async () =>
      (
        await t
          .db()
          .select({ updatedAt: battlecard.updatedAt })
          .from(battlecard)
          .where(eq(battlecard.id, w.cardId))
      )[0];
    const events = async () =>
      (await t.db().select().from(event).where(eq(event.workspaceId, w.workspaceId))).length;
    const before = await updatedAt();
    const eventsBefore = await events();
    // The working copy (the owner) and the published one (the viewer).
    for (const as of [w.as, viewer]) {
      await getCard(as, w.cardId);
      const hitsBefore = t.services.cache.stats().hits;
      await getCard(as, w.cardId);
      expect(t.services.cache.stats().hits).toBeGreaterThan(hitsBefore);
    }
    const after = await updatedAt();
    expect(after).toEqual(before);
    expect(await events()).toBe(eventsBefore);
  });

  it('loads a card once for a burst of concurrent first reads', async () => {
    const w = await withCard(t);
    // The service itself: requests through inject() are spread out by sign-in checks.
    const counting = holdFirstStore(t.services.cache, 'no key is held');
    const service = new BattlecardsService(counting.cache);
    const ctx = contextFor(w, w.owner, 'owner');
    const reads = await Promise.all(
      Array.from({ length: 10 }, () => service.getJson(ctx, w.cardId)),
    );
    expect(new Set(reads)).toHaveProperty('size', 1);
    expect(JSON.parse(reads[0]!)).toMatchObject({ id: w.cardId, permissions: { canEdit: true } });
    // One load's worth of cache reads: the card, then the generation twice (see below).
    expect(counting.counts.gets).toBe(3);
  });

  it('shows every kind of write on the next read', async () => {
    const w = await withCard(t);
    const { url, cardId } = w;
    const read = () => getCard(w.as, cardId);
    await read(); // cached

    const a = await addClaim(w.as, cardId, { section: 'strengths', text: 'Big brand' });
    expect(idsIn(await read(), 'strengths')).toEqual([a.id]);
    const b = await addClaim(w.as, cardId, { section: 'strengths', text: 'Fast UI' });
    expect(idsIn(await read(), 'strengths')).toEqual([a.id, b.id]);

    expectStatus(await w.as('PATCH', `${url}/claims/${a.id}`, { text: 'Huge brand' }), 200);
    expect((await read()).sections[1]!.claims[0]!.text).toBe('Huge brand');

    expectStatus(
      await w.as('PUT', `${url}/sections/strengths/order`, { claimIds: [b.id, a.id] }),
      200,
    );
    expect(idsIn(await read(), 'strengths')).toEqual([b.id, a.id]);

    expectStatus(await w.as('POST', `${url}/claims/${a.id}/stale`, { reason: 'Rebranded' }), 200);
    expect((await read()).sections[1]!.claims[1]).toMatchObject({
      stale: true,
      staleReason: 'Rebranded',
    });
    expectStatus(await w.as('POST', `${url}/claims/${a.id}/verify`), 200);
    expect((await read()).sections[1]!.claims[1]).toMatchObject({
      stale: false,
      verifiedBy: { id: w.owner.auth.user.id },
    });

    expectStatus(await w.as('PATCH', url, { title: 'Renamed card' }), 200);
    expect((await read()).title).toBe('Renamed card');

    expectStatus(await w.as('POST', `${url}/publish`, {}), 201);
    expect(await read()).toMatchObject({ status: 'published', version: 1 });

    expectStatus(await w.as('DELETE', `${url}/claims/${b.id}`), 204);
    expect(idsIn(await read(), 'strengths')).toEqual([a.id]);

    expectStatus(await w.as('DELETE', url), 204);
    expect((await w.as('GET', url)).statusCode).toBe(404);
    expect(await t.services.cache.get(cardCacheKey(cardId))).toBeUndefined();
  });

  it('shows a change of the competitor or the cited evidence made through their APIs', async () => {
    const w = await withCard(t);
    await insertClaimOn(t, w, {
      section: 'pricing',
      text: 'Per seat',
      citations: [{ evidenceId: w.evidenceId, quote: PRICING_TEXT.slice(0, 20) }],
    });
    await getCard(w.as, w.cardId); // cached
    const renamed = await w.as('PATCH', `/api/v1/competitors/${w.rival.id}`, {
      name: 'Acme Renamed',
    });
    expectStatus(renamed, 200);
    expect((await getCard(w.as, w.cardId)).competitor.name).toBe('Acme Renamed');
    expectStatus(await w.as('DELETE', `/api/v1/evidence/${w.evidenceId}`), 204);
    const after = await getCard(w.as, w.cardId);
    expect(after.sections.find((s) => s.key === 'pricing')!.claims[0]).toMatchObject({
      citations: [],
      stale: true,
    });
  });
});

describe('the published copy and the working copy', () => {
  it('are cached apart, and every write and every publish drops both', async () => {
    const w = await withCard(t);
    const viewer = await asMember(t, w, 'viewer');
    const { url } = w;
    const claim = await insertClaimOn(t, w, {
      section: 'pricing',
      text: 'Per seat',
      citations: [{ evidenceId: w.evidenceId, quote: PRICING_TEXT.slice(0, 20) }],
    });
    expectStatus(await w.as('POST', `${url}/publish`, {}), 201);
    const cachedTitle = async (key: string) =>
      (await t.services.cache.get<string>(key))?.match(/"title":"([^"]*)"/)?.[1];

    const writes: [string, () => ReturnType<typeof w.as>][] = [
      ['add a claim', () => w.as('POST', `${url}/claims`, { section: 'news', text: 'New CEO' })],
      ['edit a claim', () => w.as('PATCH', `${url}/claims/${claim.id}`, { text: 'Per user' })],
      ['mark stale', () => w.as('POST', `${url}/claims/${claim.id}/stale`, {})],
      ['verify', () => w.as('POST', `${url}/claims/${claim.id}/verify`)],
      ['rename the card', () => w.as('PATCH', url, { title: 'Renamed card' })],
      ['publish', () => w.as('POST', `${url}/publish`, {})],
      [
        'rename the competitor',
        () => w.as('PATCH', `/api/v1/competitors/${w.rival.id}`, { name: 'Acme Two' }),
      ],
      ['delete cited evidence', () => w.as('DELETE', `/api/v1/evidence/${w.evidenceId}`)],
    ];
    for (const [what, write] of writes) {
      const draft = await getCard(w.as, w.cardId);
      const published = await getCard(viewer, w.cardId);
      expect(await cachedTitle(cardCacheKey(w.cardId)), what).toBe(draft.title);
      expect(await cachedTitle(publishedCardCacheKey(w.cardId)), what).toBe(published.title);
      expect((await write()).statusCode, what).toBeLessThan(300);
      expect(await t.services.cache.get(cardCacheKey(w.cardId)), what).toBeUndefined();
      expect(await t.services.cache.get(publishedCardCacheKey(w.cardId)), what).toBeUndefined();
    }
    // The copies really differ: the viewer reads version 2, the editor the later edits.
    expect(await getCard(viewer, w.cardId)).toMatchObject({ title: 'Renamed card', version: 2 });
  });

  it('invalidateCards drops both keys of every card named, once each', async () => {
    const ids = [randomUUID(), randomUUID()];
    for (const id of ids) {
      await t.services.cache.set(cardCacheKey(id), { id }, 60_000);
      await t.services.cache.set(publishedCardCacheKey(id), { id }, 60_000);
    }
    await invalidateCards(t.services.cache, [ids[0]!, ids[0]!, ids[1]!]);
    for (const id of ids) {
      expect(await t.services.cache.get(cardCacheKey(id))).toBeUndefined();
      expect(await t.services.cache.get(publishedCardCacheKey(id))).toBeUndefined();
    }
    await expect(invalidateCards(t.services.cache, [])).resolves.toBeUndefined();
  });
});

/**
 * The real cache, except that the first store under `key` waits until `release()`: a reader
 * paused after it loaded the card from the database and before it stored it.
 */
function holdFirstStore(cache: Cache, key: string) {
  let arrived!: () => void;
  let release!: () => void;
  const atStore = new Promise<void>((resolve) => (arrived = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  const counts = { gets: 0 };
  const wrapped: Cache = {
    kind: cache.kind,
    get: <T>(k: string) => {
      counts.gets++;
      return cache.get<T>(k);
    },
    async set(k, value, ttlMs) {
      if (k === key && !held) {
        held = true;
        arrived();
        await gate;
      }
      return cache.set(k, value, ttlMs);
    },
    delete: (...keys) => cache.delete(...keys),
    ping: () => cache.ping(),
    stats: () => cache.stats(),
    close: () => Promise.resolve(),
  };
  return { cache: wrapped, atStore, release, counts };
}

const parseCard = (json: string) => JSON.parse(json) as Battlecard;

describe('a read racing a write', () => {
  it('never leaves the card as it was before a write that committed mid-read', async () => {
    const w = await withCard(t, { title: 'Before the write' });
    const held = holdFirstStore(t.services.cache, cardCacheKey(w.cardId));
    // A second server sharing the cache (the same Redis in production).
    const other = new BattlecardsService(held.cache);
    const reading = other.getJson(contextFor(w, w.owner, 'owner'), w.cardId);
    await held.atStore; // loaded "Before the write", not stored yet
    expectStatus(
      await w.as('PATCH', `/api/v1/battlecards/${w.cardId}`, { title: 'After the write' }),
      200,
    );
    held.release(); // now it stores the card as it was before the write
    const served = await reading;
    // What stays cached is the card after the write…
    // Cached as a one-line header, a newline, then the card's JSON.
    const stored = await t.services.cache.get<string>(cardCacheKey(w.cardId));
    expect(parseCard(stored!.slice(stored!.indexOf('\n') + 1)).title).toBe('After the write');
    expect((await getCard(w.as, w.cardId)).title).toBe('After the write');
    // …and the racing reader itself, having seen the write land, loaded again.
    expect(parseCard(served).title).toBe('After the write');
  });

  it('never leaves sellers on the previous version after a publish that landed mid-read', async () => {
    const w = await withCard(t);
    const viewerAccount = await addMember(t.app, w.owner, 'viewer');
    const { url } = w;
    await insertClaimOn(t, w, { section: 'overview', text: 'Version one' });
    expectStatus(await w.as('POST', `${url}/publish`, {}), 201);
    const next = await addClaim(w.as, w.cardId, { section: 'news', text: 'Version two' });

    const held = holdFirstStore(t.services.cache, publishedCardCacheKey(w.cardId));
    const other = new BattlecardsService(held.cache);
    const reading = other.getJson(contextFor(w, viewerAccount, 'viewer'), w.cardId);
    await held.atStore; // loaded version 1
    expectStatus(await w.as('POST', `${url}/publish`, {}), 201);
    held.release();
    const served = await reading;
    const seen = await getCard(caller(t, viewerAccount), w.cardId);
    expect(seen.version).toBe(2);
    expect(idsIn(seen, 'news')).toEqual([next.id]);
    expect(parseCard(served).version).toBe(2);
  });

  it('costs a cache hit one cache read, and no more', async () => {
    const w = await withCard(t);
    await insertClaimOn(t, w, { section: 'overview', text: 'Version one' });
    expectStatus(await w.as('POST', `${w.url}/publish`, {}), 201);
    const counting = holdFirstStore(t.services.cache, 'no key is held');
    const service = new BattlecardsService(counting.cache);
    for (const [who, role] of [
      [w.owner, 'owner'],
      [await addMember(t.app, w.owner, 'viewer'), 'viewer'],
    ] as const) {
      // The working copy for the owner, the published one (with live marks) for the viewer.
      const ctx = contextFor(w, who, role);
      counting.counts.gets = 0;
      await service.getJson(ctx, w.cardId); // a miss: the card, the generation twice
      expect(counting.counts.gets, role).toBe(3);
      await service.getJson(ctx, w.cardId);
      expect(counting.counts.gets, role).toBe(4);
    }
  });
});
