import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Battlecard, BattlecardSchema, SECTION_TITLES } from '../../../common/battlecards';
import { competitor, event } from '../../db/schema';
import { insertBattlecard, insertEvidence } from '../../test/core-factories';
import { addMember } from '../../test/factories';
import { fieldsOf, useTestApp } from '../../test/test-app';
import {
  addClaim,
  asMember,
  caller,
  createCard,
  expectExactCardShape,
  expectStatus,
  getCard,
  idsIn,
  insertClaimOn,
  newWorkspace,
  withCard,
} from './battlecards.test-support';
import { cardCacheKey } from './card-cache';

const t = useTestApp();

describe('creating a battlecard', () => {
  it('starts a draft at version 0 owned by the caller, titled after the competitor', async () => {
    const w = await newWorkspace(t);
    const card = await createCard(w.as, w.rival.id);
    expect(BattlecardSchema.parse(card)).toEqual(card);
    expectExactCardShape(card);
    expect(card).toMatchObject({
      competitorId: w.rival.id,
      competitor: { id: w.rival.id, name: w.rival.name, logoUrl: 'https://acme.example/logo.png' },
      segment: 'General',
      title: `${w.rival.name} battlecard`,
      status: 'draft',
      visibility: 'workspace',
      owner: { id: w.owner.auth.user.id, name: 'Olivia Owner' },
      version: 0,
      publishedAt: null,
      hasUnpublishedChanges: true,
      freshness: { status: 'aging', staleClaims: 0, newestEvidenceAt: null },
      permissions: { canEdit: true, canPublish: true, canDelete: true },
    });
    expect(
      card.sections.every((s) => s.claims.length === 0 && s.title === SECTION_TITLES[s.key]),
    ).toBe(true);

    const segmented = await createCard(w.as, w.rival.id, { segment: 'Mid-market' });
    expect(segmented.title).toBe(`${w.rival.name} battlecard — Mid-market`);
    const named = await createCard(w.as, w.rival.id, { title: '  Beat Acme  ' });
    expect(named.title).toBe('Beat Acme');

    const events = await t
      .db()
      .select({ type: event.type })
      .from(event)
      .where(and(eq(event.entityId, card.id), eq(event.type, 'battlecard.created')));
    expect(events).toHaveLength(1);
  });

  it('refuses a competitor of another workspace (404) and bad bodies (400 with paths)', async () => {
    const a = await newWorkspace(t);
    const b = await newWorkspace(t);
    const res = await a.as('POST', '/api/v1/battlecards', { competitorId: b.rival.id });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('competitor_not_found');

    const bad = await a.as('POST', '/api/v1/battlecards', {
      competitorId: 'nope',
      title: '<b>x</b>',
      extra: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(
      expect.arrayContaining(['body.competitorId', 'body.title', 'body.extra']),
    );
  });
});

describe('reading a battlecard', () => {
  it('returns exactly the contract shape: sections in order, claims in position order', async () => {
    const w = await newWorkspace(t);
    const card = await createCard(w.as, w.rival.id);
    const base = `/api/v1/battlecards/${card.id}`;
    const cite = { evidenceId: w.evidenceId, quote: '$45 per seat per month' };
    const second = await addClaim(w.as, card.id, { section: 'pricing', text: 'Team plan' });
    const first = await addClaim(w.as, card.id, {
      section: 'pricing',
      text: 'Per-seat pricing',
      citations: [cite],
      position: 0,
    });
    const objection = await addClaim(w.as, card.id, {
      section: 'objections',
      text: 'Acme is cheaper.',
      response: 'Only until you need SSO: that is Enterprise-only at Acme.',
      audience: 'shareable',
      confidence: 0.9,
    });
    const bare = await addClaim(w.as, card.id, { section: 'objections', text: 'No answer yet' });
    await addClaim(w.as, card.id, { section: 'overview', text: 'A horizontal suite.' });

    const shown = await getCard(w.as, card.id);
    expect(BattlecardSchema.parse(shown)).toEqual(shown);
    expectExactCardShape(shown);
    expect(idsIn(shown, 'pricing')).toEqual([first.id, second.id]);
    expect(idsIn(shown, 'objections')).toEqual([objection.id, bare.id]);
    const objections = shown.sections.find((s) => s.key === 'objections')!;
    expect(objections.claims[0]!.response).toBe(
      'Only until you need SSO: that is Enterprise-only at Acme.',
    );
    expect('response' in objections.claims[1]!).toBe(false);
    const cited = shown.sections.find((s) => s.key === 'pricing')!.claims[0]!;
    expect(cited.citations).toEqual([
      {
        ...cite,
        url: 'https://acme.example/pricing',
        title: 'Acme pricing page',
        capturedAt: expect.any(String),
      },
    ]);
    expect(shown.freshness.status).toBe('fresh');

    // The response served from the cache is byte-for-byte what a fresh load serves.
    await t.services.cache.delete(cardCacheKey(card.id));
    const fresh = await w.as('GET', base);
    const hit = await w.as('GET', base);
    expect(hit.body).toBe(fresh.body);
    expect(hit.headers['content-type']).toMatch(/^application\/json/);
  });

  it('computes freshness: stale claims, or evidence older than 90 days', async () => {
    const w = await withCard(t);
    const old = await insertEvidence(t.services, {
      workspaceId: w.workspaceId,
      competitorId: w.rival.id,
      content: 'Founded in 2009 in Lisbon.',
      capturedAt: new Date(Date.now() - 120 * 24 * 3600 * 1000),
    });
    const claim = await insertClaimOn(t, w, {
      section: 'overview',
      text: 'Founded 2009',
      citations: [{ evidenceId: old.id, quote: 'Founded in 2009' }],
    });
    expect((await getCard(w.as, w.cardId)).freshness).toEqual({
      status: 'aging',
      staleClaims: 0,
      newestEvidenceAt: old.capturedAt.toISOString(),
    });
    await w.as('POST', `${w.url}/claims/${claim.id}/stale`, {});
    expect((await getCard(w.as, w.cardId)).freshness).toMatchObject({
      status: 'stale',
      staleClaims: 1,
    });
  });

  it('sends each caller their own permissions from the same cached card', async () => {
    const w = await withCard(t);
    const editor = await asMember(t, w, 'editor', 'Ed Editor');
    const viewer = await asMember(t, w, 'viewer', 'Vic Viewer');
    expect((await getCard(w.as, w.cardId)).permissions).toEqual({
      canEdit: true,
      canPublish: true,
      canDelete: true,
    });
    expect((await getCard(editor, w.cardId)).permissions).toEqual({
      canEdit: true,
      canPublish: true,
      canDelete: false,
    });
    expect((await getCard(viewer, w.cardId)).permissions).toEqual({
      canEdit: false,
      canPublish: false,
      canDelete: false,
    });
  });

  it('answers 404 for a card of another workspace, also when cached, and for unknown ids', async () => {
    const a = await withCard(t);
    const b = await newWorkspace(t);
    const { title } = await getCard(a.as, a.cardId); // now cached
    for (const [method, url, payload] of [
      ['GET', a.url],
      ['PATCH', a.url, { title: 'Mine now' }],
      ['DELETE', a.url],
      ['GET', `/api/v1/battlecards/00000000-0000-4000-8000-000000000000`],
    ] as const) {
      const res = await b.as(method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('battlecard_not_found');
    }
    const list = await b.as('GET', '/api/v1/battlecards');
    expect(list.json().items).toEqual([]);
    expect((await getCard(a.as, a.cardId)).title).toBe(title);
  });
});

describe('private cards', () => {
  it('only their owner and workspace admins see them; others get 404 and no list entry', async () => {
    const w = await newWorkspace(t);
    const editorAccount = await addMember(t.app, w.owner, 'editor', 'Ed Editor');
    const editor = caller(t, editorAccount);
    const other = await asMember(t, w, 'editor', 'Erin Editor');
    const admin = await asMember(t, w, 'admin', 'Ann Admin');
    const card = await insertBattlecard(t.services, {
      workspaceId: w.workspaceId,
      competitorId: w.rival.id,
      ownerId: editorAccount.auth.user.id,
      visibility: 'private',
    });
    const url = `/api/v1/battlecards/${card.id}`;

    expect((await getCard(editor, card.id)).visibility).toBe('private');
    expect((await getCard(admin, card.id)).id).toBe(card.id);
    expect((await getCard(w.as, card.id)).id).toBe(card.id);
    for (const [method, path, payload] of [
      ['GET', url],
      ['PATCH', url, { title: 'Taken over' }],
      ['POST', `${url}/claims`, { section: 'overview', text: 'x' }],
      ['GET', `${url}/versions`],
      ['GET', `${url}/diff?from=draft&to=draft`],
    ] as const) {
      const res = await other(method, path, payload);
      expect(res.statusCode, `${method} ${path}`).toBe(404);
    }
    const ids = async (as: typeof editor) =>
      (await as('GET', '/api/v1/battlecards')).json().items.map((c: Battlecard) => c.id);
    expect(await ids(other)).not.toContain(card.id);
    expect(await ids(editor)).toContain(card.id);
    expect(await ids(admin)).toContain(card.id);

    // Sharing it with the workspace makes it visible to everyone.
    const shared = await editor('PATCH', url, { visibility: 'workspace' });
    expectStatus(shared, 200);
    expect((await getCard(other, card.id)).visibility).toBe('workspace');
    // Another editor may edit it but not hide it again, nor delete it.
    expect((await other('PATCH', url, { visibility: 'private' })).statusCode).toBe(403);
    expect((await other('DELETE', url)).statusCode).toBe(403);
    expect((await other('PATCH', url, { title: 'Renamed by Erin' })).statusCode).toBe(200);
    expect((await admin('DELETE', url)).statusCode).toBe(204);
  });
});

describe('viewers', () => {
  it('read cards but cannot create, edit, publish or delete them (403)', async () => {
    const w = await withCard(t);
    const viewer = await asMember(t, w, 'viewer');
    const claim = await insertClaimOn(t, w, { section: 'overview', text: 'Suite' });
    const { url } = w;
    for (const [method, path, payload] of [
      ['POST', '/api/v1/battlecards', { competitorId: w.rival.id }],
      ['PATCH', url, { title: 'Viewer was here' }],
      ['DELETE', url],
      ['POST', `${url}/claims`, { section: 'overview', text: 'x' }],
      ['PATCH', `${url}/claims/${claim.id}`, { text: 'y' }],
      ['DELETE', `${url}/claims/${claim.id}`],
      ['PUT', `${url}/sections/overview/order`, { claimIds: [claim.id] }],
      ['POST', `${url}/claims/${claim.id}/verify`],
      ['POST', `${url}/claims/${claim.id}/stale`, {}],
      ['POST', `${url}/publish`, {}],
    ] as const) {
      const res = await viewer(method, path, payload);
      expect(res.statusCode, `${method} ${path}`).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect((await getCard(viewer, w.cardId)).title).toBe(`${w.rival.name} battlecard`);
  });
});

describe('updating and deleting a battlecard', () => {
  it('archives and brings back: published again if it ever was, else a draft', async () => {
    const w = await withCard(t);
    const { url } = w;
    const patch = async (body: object) => {
      const res = await w.as('PATCH', url, body);
      expectStatus(res, 200);
      return res.json<Battlecard>();
    };
    expect((await patch({ status: 'archived' })).status).toBe('archived');
    expect((await patch({ status: 'draft' })).status).toBe('draft');
    await addClaim(w.as, w.cardId, { section: 'overview', text: 'Suite' });
    expectStatus(await w.as('POST', `${url}/publish`, {}), 201);
    expect((await patch({ status: 'archived' })).status).toBe('archived');
    const back = await patch({ status: 'draft' });
    expect(back).toMatchObject({ status: 'published', version: 1, hasUnpublishedChanges: false });
    // Renaming is a content change; visibility is not.
    expect((await patch({ visibility: 'private' })).hasUnpublishedChanges).toBe(false);
    const renamed = await patch({ title: 'Acme: how we win', segment: 'Enterprise' });
    expect(renamed).toMatchObject({
      title: 'Acme: how we win',
      segment: 'Enterprise',
      hasUnpublishedChanges: true,
    });
    const bad = await w.as('PATCH', url, { status: 'published' });
    expect(bad.statusCode).toBe(400);
  });

  it('deletes a card with its claims and versions (owner or admin)', async () => {
    const w = await withCard(t);
    await insertClaimOn(t, w, { section: 'overview', text: 'Suite' });
    expectStatus(await w.as('POST', `${w.url}/publish`, {}), 201);
    expect((await w.as('DELETE', w.url)).statusCode).toBe(204);
    expect((await w.as('GET', w.url)).statusCode).toBe(404);
    expect((await w.as('GET', `${w.url}/versions`)).statusCode).toBe(404);
    expect((await w.as('DELETE', w.url)).statusCode).toBe(404);
    const [rival] = await t.db().select().from(competitor).where(eq(competitor.id, w.rival.id));
    expect(rival).toBeDefined();
  });
});
