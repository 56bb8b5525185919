import { describe, expect, it } from 'vitest';
import {
  type Battlecard,
  BattlecardPageSchema,
  type BattlecardSummary,
} from '../../../common/battlecards';
import { insertCompetitor } from '../../test/core-factories';
import { useTestApp } from '../../test/test-app';
import {
  type Call,
  PRICING_TEXT,
  addClaim,
  asMember,
  createCard,
  expectStatus,
  getCard,
  insertClaimOn,
  newWorkspace,
  withCard,
} from './battlecards.test-support';

/** GET /api/v1/battlecards: each card summed up as the caller reads it on opening it. */
const t = useTestApp();

describe('listing battlecards', () => {
  it('pages newest-changed first, with claim counts, freshness and filters', async () => {
    const w = await newWorkspace(t);
    const otherRival = await insertCompetitor(t.services, w.workspaceId, { name: 'Globex' });
    const cards: Battlecard[] = [];
    for (const segment of ['General', 'Enterprise', 'SMB']) {
      cards.push(await createCard(w.as, w.rival.id, { segment }));
    }
    const globex = await createCard(w.as, otherRival.id, { title: 'Globex takedown' });
    await addClaim(w.as, cards[0]!.id, {
      section: 'pricing',
      text: 'Per seat',
      citations: [{ evidenceId: w.evidenceId, quote: 'SSO is only on Enterprise' }],
    });
    await addClaim(w.as, cards[0]!.id, { section: 'overview', text: 'Suite' });
    await w.as('PATCH', `/api/v1/battlecards/${cards[1]!.id}`, { status: 'archived' });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await w.as(
        'GET',
        `/api/v1/battlecards?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expectStatus(res, 200);
      const page = BattlecardPageSchema.parse(res.json());
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    // Most recently changed first: the archived card, then the card that gained claims.
    expect(seen).toEqual([cards[1]!.id, cards[0]!.id, globex.id, cards[2]!.id]);

    const all = (await w.as('GET', '/api/v1/battlecards')).json().items;
    const withClaims = all.find((c: { id: string }) => c.id === cards[0]!.id);
    expect(withClaims).toMatchObject({ claimCount: 2, freshness: { status: 'fresh' } });
    expect(withClaims.freshness.newestEvidenceAt).toEqual(expect.any(String));
    expect(Object.keys(withClaims)).not.toContain('sections');

    const query = async (qs: string) =>
      (await w.as('GET', `/api/v1/battlecards?${qs}`)).json().items.map((c: Battlecard) => c.id);
    expect(await query(`competitorId=${otherRival.id}`)).toEqual([globex.id]);
    expect(await query('status=archived')).toEqual([cards[1]!.id]);
    expect(await query('q=takedown')).toEqual([globex.id]);
    expect(await query('q=enterpr')).toEqual([cards[1]!.id]); // title ILIKE, partial word
    expect(await query('q=100%25')).toEqual([]); // LIKE wildcards match literally
    const bad = await w.as('GET', '/api/v1/battlecards?cursor=garbage');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_cursor');
    const tooMany = await w.as('GET', '/api/v1/battlecards?limit=101');
    expect(tooMany.statusCode).toBe(400);
  });
});

describe('the list for sellers', () => {
  it('sums up a published card as its latest version, as sellers read it on opening it', async () => {
    const w = await withCard(t, { title: 'Acme: the published cut', segment: 'Enterprise' });
    const viewer = await asMember(t, w, 'viewer');
    const editor = await asMember(t, w, 'editor');
    const priced = await insertClaimOn(t, w, {
      section: 'pricing',
      text: 'Per seat',
      citations: [{ evidenceId: w.evidenceId, quote: PRICING_TEXT.slice(0, 20) }],
    });
    const dropped = await insertClaimOn(t, w, { section: 'overview', text: 'Suite' });
    expectStatus(await w.as('POST', `${w.url}/publish`, {}), 201);
    const draftOnly = await createCard(w.as, w.rival.id, { title: 'Acme: first draft' });
    await addClaim(w.as, draftOnly.id, { section: 'overview', text: 'Suite' });

    // The working copy moves on: renamed, re-segmented, a claim gone, two more (one stale).
    const renamed = { title: 'Acme: work in progress', segment: 'SMB' };
    expectStatus(await editor('PATCH', w.url, renamed), 200);
    expectStatus(await editor('DELETE', `${w.url}/claims/${dropped.id}`), 204);
    await addClaim(editor, w.cardId, { section: 'news', text: 'New CEO' });
    const rumour = await addClaim(editor, w.cardId, { section: 'news', text: 'Rumoured sale' });
    expectStatus(await editor('POST', `${w.url}/claims/${rumour.id}/stale`, {}), 200);

    const listed = async (as: Call, query = '') => {
      const res = await as('GET', `/api/v1/battlecards${query}`);
      expectStatus(res, 200);
      return BattlecardPageSchema.parse(res.json()).items;
    };
    const summaryOf = (items: BattlecardSummary[], id: string) => items.find((c) => c.id === id)!;
    const forSellers = await listed(viewer);
    const forEditors = await listed(editor);
    expect(summaryOf(forSellers, w.cardId)).toMatchObject({
      title: 'Acme: the published cut',
      segment: 'Enterprise',
      claimCount: 2,
      version: 1,
      hasUnpublishedChanges: false,
      freshness: { status: 'fresh', staleClaims: 0 },
    });
    expect(summaryOf(forEditors, w.cardId)).toMatchObject({
      ...renamed,
      claimCount: 3,
      version: 1,
      hasUnpublishedChanges: true,
      freshness: { status: 'stale', staleClaims: 1 },
    });
    // Never published: sellers read its draft, so both lists show that.
    expect(summaryOf(forSellers, draftOnly.id)).toEqual(summaryOf(forEditors, draftOnly.id));
    expect(summaryOf(forSellers, draftOnly.id)).toMatchObject({ claimCount: 1, version: 0 });

    // A published claim gone stale since: the list warns as the card does.
    expectStatus(await editor('POST', `${w.url}/claims/${priced.id}/stale`, {}), 200);
    for (const id of [w.cardId, draftOnly.id]) {
      const card = await getCard(viewer, id);
      const summary = summaryOf(await listed(viewer), id);
      expect(summary).toMatchObject({
        title: card.title,
        segment: card.segment,
        hasUnpublishedChanges: card.hasUnpublishedChanges,
        freshness: card.freshness,
        claimCount: card.sections.flatMap((section) => section.claims).length,
      });
    }
    expect(summaryOf(await listed(viewer), w.cardId).freshness.staleClaims).toBe(1);

    // `q` matches the title each caller sees.
    const ids = (items: BattlecardSummary[]) => items.map((c) => c.id);
    expect(ids(await listed(viewer, '?q=published'))).toEqual([w.cardId]);
    expect(ids(await listed(editor, '?q=published'))).toEqual([]);
  });
});
