import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  type BattlecardDiff,
  type BattlecardVersion,
  BattlecardVersionSchema,
  DiffSchema,
  VersionListSchema,
} from '../../../common/battlecards';
import { battlecard, event, evidence } from '../../db/schema';
import { addMember } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import {
  type WithCard,
  addClaim,
  expectExactCardShape,
  expectKeys,
  expectStatus,
  getCard,
  insertClaimOn,
  newWorkspace,
  withCard,
} from './battlecards.test-support';

const t = useTestApp();

async function publish(w: WithCard, note?: string) {
  const res = await w.as('POST', `${w.url}/publish`, note === undefined ? undefined : { note });
  expectStatus(res, 201);
  return res.json<BattlecardVersion>();
}

describe('publishing', () => {
  it('refuses an empty card (400 empty_battlecard)', async () => {
    const w = await withCard(t);
    const res = await w.as('POST', `${w.url}/publish`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('empty_battlecard');
    expect((await getCard(w.as, w.cardId)).version).toBe(0);
  });

  it('snapshots the card as GET shows it, as version N+1', async () => {
    const w = await withCard(t);
    await insertClaimOn(t, w, {
      section: 'pricing',
      text: 'Per seat',
      citations: [{ evidenceId: w.evidenceId, quote: '$45 per seat' }],
    });
    await insertClaimOn(t, w, {
      section: 'objections',
      text: 'Acme is cheaper',
      response: 'Not with SSO.',
    });
    const shown = await getCard(w.as, w.cardId);
    const v1 = await publish(w, 'First cut for the sales kickoff');
    expect(BattlecardVersionSchema.parse(v1)).toEqual(v1);
    expectKeys(v1, [
      'version',
      'note',
      'publishedAt',
      'publishedBy',
      'claimCount',
      'battlecardId',
      'title',
      'segment',
      'sections',
    ]);
    expect(v1).toMatchObject({
      version: 1,
      note: 'First cut for the sales kickoff',
      publishedBy: { id: w.owner.auth.user.id, name: 'Olivia Owner' },
      claimCount: 2,
      battlecardId: w.cardId,
      title: shown.title,
      segment: 'General',
    });
    expect(v1.sections).toEqual(shown.sections);

    const card = await getCard(w.as, w.cardId);
    expectExactCardShape(card);
    expect(card).toMatchObject({
      status: 'published',
      version: 1,
      publishedAt: expect.any(String),
      hasUnpublishedChanges: false,
    });
    await addClaim(w.as, w.cardId, { section: 'news', text: 'New CEO' });
    expect((await getCard(w.as, w.cardId)).hasUnpublishedChanges).toBe(true);
    const v2 = await publish(w);
    expect(v2).toMatchObject({ version: 2, note: null, claimCount: 3 });
    expect((await getCard(w.as, w.cardId)).hasUnpublishedChanges).toBe(false);

    const events = await t
      .db()
      .select({ data: event.data })
      .from(event)
      .where(and(eq(event.entityId, w.cardId), eq(event.type, 'battlecard.published')));
    expect(events.map((e) => e.data)).toEqual([
      { version: 1, claimCount: 2 },
      { version: 2, claimCount: 3 },
    ]);
  });

  it('never changes a published version afterwards', async () => {
    const w = await withCard(t);
    const a = await insertClaimOn(t, w, {
      section: 'pricing',
      text: 'Per seat',
      citations: [{ evidenceId: w.evidenceId, quote: '$45 per seat' }],
    });
    const b = await insertClaimOn(t, w, { section: 'overview', text: 'Suite' });
    const published = await publish(w);
    const read = async () => {
      const res = await w.as('GET', `${w.url}/versions/1`);
      expectStatus(res, 200);
      return res.json<BattlecardVersion>();
    };
    expect(await read()).toEqual(published);

    // Edit everything the snapshot shows: claims, the card, and the cited evidence's title.
    await w.as('PATCH', `${w.url}/claims/${a.id}`, { text: 'Changed', audience: 'shareable' });
    await w.as('POST', `${w.url}/claims/${a.id}/stale`, { reason: 'Price change' });
    await w.as('DELETE', `${w.url}/claims/${b.id}`);
    await addClaim(w.as, w.cardId, { section: 'news', text: 'Fresh news' });
    await w.as('PATCH', w.url, { title: 'A new title', segment: 'SMB' });
    await t
      .db()
      .update(evidence)
      .set({ title: 'Renamed evidence', url: 'https://elsewhere.example/' })
      .where(eq(evidence.id, w.evidenceId));
    await publish(w);

    expect(await read()).toEqual(published);
    const current = await getCard(w.as, w.cardId);
    expect(current.title).toBe('A new title');
  });

  it('numbers concurrent publishes N+1, N+2, … without duplicates', async () => {
    const w = await withCard(t);
    await insertClaimOn(t, w, { section: 'overview', text: 'Suite' });
    await publish(w);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => w.as('POST', `${w.url}/publish`, {})),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const versions = results.map((r) => r.json<BattlecardVersion>().version).sort();
    expect(versions).toEqual([2, 3, 4, 5, 6]);
    const [row] = await t
      .db()
      .select({ version: battlecard.version })
      .from(battlecard)
      .where(eq(battlecard.id, w.cardId));
    expect(row!.version).toBe(6);
    const list = VersionListSchema.parse((await w.as('GET', `${w.url}/versions`)).json());
    expect(list.items.map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
  });
});

describe('version history', () => {
  it('lists versions newest first and answers 404 for a version that does not exist', async () => {
    const w = await withCard(t);
    const viewer = await addMember(t.app, w.owner, 'viewer');
    expect((await w.as('GET', `${w.url}/versions`)).json()).toEqual({ items: [] });
    await insertClaimOn(t, w, { section: 'overview', text: 'Suite' });
    await publish(w, 'one');
    await addClaim(w.as, w.cardId, { section: 'overview', text: 'Platform' });
    await publish(w, 'two');
    const list = await t.app.inject({ url: `${w.url}/versions`, headers: viewer.headers });
    expect(list.json().items).toMatchObject([
      { version: 2, note: 'two', claimCount: 2, publishedBy: { name: 'Olivia Owner' } },
      { version: 1, note: 'one', claimCount: 1 },
    ]);
    expect(Object.keys(list.json().items[0])).not.toContain('sections');
    const missing = await w.as('GET', `${w.url}/versions/3`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('version_not_found');
    expect((await w.as('GET', `${w.url}/versions/0`)).statusCode).toBe(400);
    expect((await w.as('GET', `${w.url}/versions/abc`)).statusCode).toBe(400);
  });

  it('answers 404 to another workspace for publish, versions, a version and diffs', async () => {
    const a = await withCard(t);
    const b = await newWorkspace(t);
    await insertClaimOn(t, a, { section: 'overview', text: 'Suite' });
    await publish(a);
    for (const [method, url] of [
      ['POST', `${a.url}/publish`],
      ['GET', `${a.url}/versions`],
      ['GET', `${a.url}/versions/1`],
      ['GET', `${a.url}/diff?from=1&to=draft`],
    ] as const) {
      const res = await b.as(method, url, method === 'POST' ? {} : undefined);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('battlecard_not_found');
    }
    expect((await getCard(a.as, a.cardId)).version).toBe(1);
  });
});

describe('diffs', () => {
  it('lists the claims added, removed and changed (with fields) and title changes', async () => {
    const w = await withCard(t);
    const kept = await insertClaimOn(t, w, { section: 'overview', text: 'Suite' });
    const edited = await insertClaimOn(t, w, {
      section: 'objections',
      text: 'Acme is cheaper',
      response: 'Not with SSO.',
    });
    const moved = await insertClaimOn(t, w, { section: 'strengths', text: 'Brand' });
    const removed = await insertClaimOn(t, w, { section: 'news', text: 'Old news' });
    const restaled = await insertClaimOn(t, w, {
      section: 'pricing',
      text: 'Per seat',
      citations: [{ evidenceId: w.evidenceId, quote: '$45 per seat' }],
    });
    await publish(w);

    await w.as('PATCH', `${w.url}/claims/${edited.id}`, {
      response: 'Not once SSO is in the deal.',
      confidence: 0.6,
    });
    await w.as('PATCH', `${w.url}/claims/${moved.id}`, { section: 'how_we_win' });
    await w.as('DELETE', `${w.url}/claims/${removed.id}`);
    await w.as('POST', `${w.url}/claims/${restaled.id}/stale`, {});
    await w.as('PATCH', `${w.url}/claims/${restaled.id}`, {
      citations: [{ evidenceId: w.evidenceId, quote: 'SSO is only on Enterprise' }],
    });
    const added = await addClaim(w.as, w.cardId, { section: 'landmines', text: 'Ask about SSO' });
    await w.as('PUT', `${w.url}/sections/overview/order`, { claimIds: [kept.id] });
    await w.as('PATCH', w.url, { title: 'Acme: the SSO angle' });

    const diffOf = async (from: string | number, to: string | number) => {
      const res = await w.as('GET', `${w.url}/diff?from=${from}&to=${to}`);
      expectStatus(res, 200);
      return DiffSchema.parse(res.json());
    };
    const toDraft = await diffOf(1, 'draft');
    const summary = (d: BattlecardDiff) => ({
      added: d.added.map((x) => [x.section, x.claim.id]),
      removed: d.removed.map((x) => [x.section, x.claim.id]),
      changed: d.changed.map((x) => [x.claimId, x.section, x.fields]),
      meta: d.meta,
    });
    expect(toDraft).toMatchObject({ from: 1, to: 'draft' });
    expect(summary(toDraft)).toEqual({
      added: [['landmines', added.id]],
      removed: [['news', removed.id]],
      changed: [
        [moved.id, 'how_we_win', ['section']],
        [edited.id, 'objections', ['response', 'confidence']],
        [restaled.id, 'pricing', ['citations', 'stale']],
      ],
      meta: [{ field: 'title', before: expect.any(String), after: 'Acme: the SSO angle' }],
    });
    const change = toDraft.changed.find((c) => c.claimId === edited.id)!;
    expect(change.before.response).toBe('Not with SSO.');
    expect(change.after.response).toBe('Not once SSO is in the deal.');

    // The same between two published versions, and reversed.
    await publish(w);
    expect(summary(await diffOf(1, 2))).toEqual(summary(toDraft));
    const back = summary(await diffOf(2, 1));
    expect(back.added).toEqual([['news', removed.id]]);
    expect(back.removed).toEqual([['landmines', added.id]]);
    const same = await diffOf(2, 'draft');
    expect(summary(same)).toEqual({ added: [], removed: [], changed: [], meta: [] });
  });

  it('refuses bad references: 400 for malformed, 404 version_not_found for missing', async () => {
    const w = await withCard(t);
    expect((await w.as('GET', `${w.url}/diff?from=1&to=draft`)).json().error.code).toBe(
      'version_not_found',
    );
    for (const qs of ['from=latest&to=draft', 'from=1', 'from=0&to=1', 'from=1&to=2&x=1']) {
      const res = await w.as('GET', `${w.url}/diff?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });
});
