import { describe, expect, it } from 'vitest';
import {
  type Battlecard,
  BattlecardSchema,
  type BattlecardVersion,
  type Claim,
  type Section,
} from '../../../common/battlecards';
import { useTestApp } from '../../test/test-app';
import {
  type Call,
  PRICING_TEXT,
  addClaim,
  asMember,
  expectExactCardShape,
  expectStatus,
  getCard,
  idsIn,
  insertClaimOn,
  newWorkspace,
  withCard,
} from './battlecards.test-support';
import { publishedCardCacheKey } from './card-cache';

/**
 * Sellers read what was published: viewers get the latest published version of a card, editors
 * its working copy, and `?view=` picks one explicitly.
 */
const t = useTestApp();

/** A workspace with an editor and a viewer, and a card with a cited claim and an objection. */
async function team() {
  const w = await withCard(t, { segment: 'Enterprise' });
  const editor = await asMember(t, w, 'editor', 'Ed Editor');
  const viewer = await asMember(t, w, 'viewer', 'Vic Viewer');
  const pricing = await insertClaimOn(t, w, {
    section: 'pricing',
    text: 'Per-seat pricing',
    citations: [{ evidenceId: w.evidenceId, quote: PRICING_TEXT.slice(0, 30) }],
  });
  const objection = await insertClaimOn(t, w, {
    section: 'objections',
    text: 'Acme is cheaper.',
    response: 'Only until you need SSO.',
    audience: 'shareable',
  });
  return { ...w, editor, viewer, pricing, objection };
}

async function publish(as: Call, url: string): Promise<BattlecardVersion> {
  const res = await as('POST', `${url}/publish`, {});
  expectStatus(res, 201);
  return res.json<BattlecardVersion>();
}

async function read(as: Call, url: string, query = ''): Promise<Battlecard> {
  const res = await as('GET', `${url}${query}`);
  expectStatus(res, 200);
  const card = res.json<Battlecard>();
  expect(BattlecardSchema.parse(card)).toEqual(card);
  expectExactCardShape(card);
  return card;
}

const withoutPermissions = ({ permissions: _permissions, ...body }: Battlecard) => body;

/** `sections` with the marks of claim `id` changed: what sellers see once its marks moved on. */
const remarked = (sections: Section[], id: string, marks: Partial<Claim>): Section[] =>
  sections.map((section) => ({
    ...section,
    claims: section.claims.map((claim) => (claim.id === id ? { ...claim, ...marks } : claim)),
  }));

const claimOf = (card: { sections: Section[] }, id: string): Claim =>
  card.sections.flatMap((section) => section.claims).find((claim) => claim.id === id)!;

describe('what a viewer reads', () => {
  it('is the latest published version while an editor works on the draft', async () => {
    const w = await team();
    const v1 = await publish(w.as, w.url);

    // An editor reworks the card: text, a new claim, a stale flag, title and segment.
    expectStatus(
      await w.editor('PATCH', `${w.url}/claims/${w.pricing.id}`, { text: 'Half-finished' }),
      200,
    );
    const added = await addClaim(w.editor, w.cardId, { section: 'news', text: 'Rumour' });
    expectStatus(
      await w.editor('POST', `${w.url}/claims/${w.objection.id}/stale`, { reason: 'Checking' }),
      200,
    );
    expectStatus(await w.editor('PATCH', w.url, { title: 'WIP title', segment: 'SMB' }), 200);
    // A header change outside the card shows at once: the competitor is current.
    expectStatus(
      await w.as('PATCH', `/api/v1/competitors/${w.rival.id}`, { name: 'Acme Renamed' }),
      200,
    );

    const seen = await read(w.viewer, w.url);
    // The published words, with the stale mark as it is now: a warning waits for no publish.
    expect(seen.sections).toEqual(
      remarked(v1.sections, w.objection.id, { stale: true, staleReason: 'Checking' }),
    );
    expect(seen).toMatchObject({
      id: w.cardId,
      title: v1.title,
      segment: 'Enterprise',
      status: 'published',
      version: 1,
      hasUnpublishedChanges: false,
      competitor: { id: w.rival.id, name: 'Acme Renamed' },
      freshness: { status: 'stale', staleClaims: 1 },
      permissions: { canEdit: false, canPublish: false, canDelete: false },
    });
    expect(seen.freshness.newestEvidenceAt).toEqual(expect.any(String));
    expect(idsIn(seen, 'news')).toEqual([]);

    // The editor sees the working copy, edits and all.
    const draft = await read(w.editor, w.url);
    expect(draft).toMatchObject({
      title: 'WIP title',
      segment: 'SMB',
      version: 1,
      hasUnpublishedChanges: true,
      freshness: { status: 'stale', staleClaims: 1 },
      competitor: { name: 'Acme Renamed' },
    });
    expect(idsIn(draft, 'news')).toEqual([added.id]);
    expect(draft.sections.find((s) => s.key === 'pricing')!.claims[0]!.text).toBe('Half-finished');
    // Both share the header that is not content.
    expect(seen.publishedAt).toBe(draft.publishedAt);
    expect(seen.publishedAt).not.toBeNull();

    // Publishing again is what brings the edits to sellers.
    const v2 = await publish(w.editor, w.url);
    const after = await read(w.viewer, w.url);
    expect(after.sections).toEqual(v2.sections);
    expect(after).toMatchObject({
      title: 'WIP title',
      segment: 'SMB',
      version: 2,
      hasUnpublishedChanges: false,
      freshness: { status: 'stale', staleClaims: 1 },
    });
    expect(idsIn(after, 'news')).toEqual([added.id]);
  });

  it('is the same published copy through a viewer-role API key', async () => {
    const w = await team();
    const v1 = await publish(w.as, w.url);
    await addClaim(w.as, w.cardId, { section: 'news', text: 'Not yet published' });
    const created = await w.as('POST', '/api/v1/api-keys', { name: 'crm', role: 'viewer' });
    expectStatus(created, 201);
    const key: Call = (method, url) =>
      t.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${created.json<{ secret: string }>().secret}` },
      });
    const seen = await read(key, w.url);
    expect(seen.sections).toEqual(v1.sections);
    expect(seen.hasUnpublishedChanges).toBe(false);
    expect((await key('GET', `${w.url}?view=draft`)).statusCode).toBe(403);
    // The person behind the key, signed in as the owner, reads the working copy.
    expect(idsIn(await read(w.as, w.url), 'news')).toHaveLength(1);
  });

  it('is the draft of a card never published, labelled as such', async () => {
    const w = await team();
    const seen = await read(w.viewer, w.url);
    expect(seen).toMatchObject({ status: 'draft', version: 0, publishedAt: null });
    expect(withoutPermissions(seen)).toEqual(withoutPermissions(await read(w.as, w.url)));
    expect(idsIn(seen, 'objections')).toEqual([w.objection.id]);
    // …and keeps following the draft until the first publish.
    await addClaim(w.editor, w.cardId, { section: 'overview', text: 'A suite' });
    expect(idsIn(await read(w.viewer, w.url), 'overview')).toHaveLength(1);
  });

  it('is served from the cache byte for byte as a fresh load serves it', async () => {
    const w = await team();
    await publish(w.as, w.url);
    await t.services.cache.delete(publishedCardCacheKey(w.cardId));
    const fresh = await w.viewer('GET', w.url);
    expect(await t.services.cache.get(publishedCardCacheKey(w.cardId))).toBeDefined();
    const hit = await w.viewer('GET', w.url);
    expect(hit.body).toBe(fresh.body);
  });
});

describe('the marks on a published claim', () => {
  it('follow the claim without a republish: marked stale, verified, its evidence deleted', async () => {
    const w = await team();
    const v1 = await publish(w.as, w.url);
    const version1 = async () => {
      const res = await w.viewer('GET', `${w.url}/versions/1`);
      expectStatus(res, 200);
      return res.json<BattlecardVersion>();
    };
    expect(claimOf(await read(w.viewer, w.url), w.pricing.id).stale).toBe(false); // cached

    const stale = await w.editor('POST', `${w.url}/claims/${w.pricing.id}/stale`, {
      reason: 'The Team plan went up',
    });
    expectStatus(stale, 200);
    let seen = await read(w.viewer, w.url);
    expect(seen.sections).toEqual(
      remarked(v1.sections, w.pricing.id, { stale: true, staleReason: 'The Team plan went up' }),
    );
    expect(seen).toMatchObject({
      version: 1,
      hasUnpublishedChanges: false,
      freshness: { status: 'stale', staleClaims: 1 },
    });

    const verified = await w.editor('POST', `${w.url}/claims/${w.pricing.id}/verify`);
    expectStatus(verified, 200);
    const { verifiedBy, verifiedAt } = verified.json<Claim>();
    expect(verifiedBy).toMatchObject({ name: 'Ed Editor' });
    seen = await read(w.viewer, w.url);
    expect(seen.sections).toEqual(remarked(v1.sections, w.pricing.id, { verifiedBy, verifiedAt }));
    expect(seen.freshness).toMatchObject({ status: 'fresh', staleClaims: 0 });

    expectStatus(await w.as('DELETE', `/api/v1/evidence/${w.evidenceId}`), 204);
    seen = await read(w.viewer, w.url);
    // Still the published claim, citation and all: only its marks are current.
    expect(claimOf(seen, w.pricing.id)).toEqual({
      ...claimOf(v1, w.pricing.id),
      stale: true,
      staleReason: 'Its evidence "Acme pricing page" was deleted',
      verifiedBy,
      verifiedAt,
    });
    expect(seen.freshness).toMatchObject({ status: 'stale', staleClaims: 1 });

    // A published version itself never changes; `?view=published` is what sellers see.
    expect(await version1()).toEqual(v1);
    const preview = await read(w.editor, w.url, '?view=published');
    expect(withoutPermissions(preview)).toEqual(withoutPermissions(seen));
  });

  it('keep the published verification of a claim reworded since, and of a deleted one', async () => {
    const w = await team();
    for (const id of [w.pricing.id, w.objection.id]) {
      expectStatus(await w.editor('POST', `${w.url}/claims/${id}/verify`), 200);
    }
    const v1 = await publish(w.as, w.url);
    expect(claimOf(v1, w.pricing.id).verifiedBy).toMatchObject({ name: 'Ed Editor' });

    // Rewording voids the verification in the draft; sellers still read the verified words.
    const reworded = await w.editor('PATCH', `${w.url}/claims/${w.pricing.id}`, {
      text: 'Per-seat pricing, with SSO extra',
    });
    expect(reworded.json<Claim>().verifiedBy).toBeNull();
    expectStatus(await w.editor('DELETE', `${w.url}/claims/${w.objection.id}`), 204);
    expect((await read(w.viewer, w.url)).sections).toEqual(v1.sections);

    // Vouching for the new words says nothing of the published ones; a stale mark does.
    expectStatus(await w.as('POST', `${w.url}/claims/${w.pricing.id}/verify`), 200);
    expect((await read(w.viewer, w.url)).sections).toEqual(v1.sections);
    expectStatus(await w.as('POST', `${w.url}/claims/${w.pricing.id}/stale`, {}), 200);
    const seen = await read(w.viewer, w.url);
    expect(seen.sections).toEqual(
      remarked(v1.sections, w.pricing.id, { stale: true, staleReason: null }),
    );
    expect(seen.freshness).toMatchObject({ status: 'stale', staleClaims: 1 });
  });
});

describe('?view=', () => {
  it('published shows an editor exactly what sellers see; draft is the working copy', async () => {
    const w = await team();
    await publish(w.as, w.url);
    await addClaim(w.editor, w.cardId, { section: 'news', text: 'Unpublished news' });
    const asViewer = await read(w.viewer, w.url);
    const preview = await read(w.editor, w.url, '?view=published');
    expect(withoutPermissions(preview)).toEqual(withoutPermissions(asViewer));
    expect(preview.permissions).toEqual({ canEdit: true, canPublish: true, canDelete: false });
    expect(idsIn(preview, 'news')).toEqual([]);
    const draft = await read(w.editor, w.url, '?view=draft');
    expect(idsIn(draft, 'news')).toHaveLength(1);
    expect(withoutPermissions(draft)).toEqual(withoutPermissions(await read(w.editor, w.url)));
    expect(withoutPermissions(await read(w.viewer, w.url, '?view=published'))).toEqual(
      withoutPermissions(asViewer),
    );
  });

  it('published of a card never published is its draft, as sellers see it (not a 404)', async () => {
    const w = await team();
    const preview = await read(w.editor, w.url, '?view=published');
    expect(preview).toMatchObject({ status: 'draft', version: 0 });
    expect(withoutPermissions(preview)).toEqual(withoutPermissions(await read(w.viewer, w.url)));
  });

  it('draft is for editors: 403 to viewers, also for a diff against the draft', async () => {
    const w = await team();
    await publish(w.as, w.url);
    for (const path of [`${w.url}?view=draft`, `${w.url}/diff?from=1&to=draft`]) {
      const res = await w.viewer('GET', path);
      expect(res.statusCode, path).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    await publish(w.as, w.url);
    expectStatus(await w.viewer('GET', `${w.url}/diff?from=1&to=2`), 200);
    expectStatus(await w.editor('GET', `${w.url}/diff?from=1&to=draft`), 200);
  });

  it('refuses anything else with 400 validation_failed', async () => {
    const w = await team();
    for (const query of ['?view=latest', '?view=', '?view=draft&extra=1', '?draft=1']) {
      const res = await w.as('GET', `${w.url}${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('still answers 404 for a card of another workspace, whichever view', async () => {
    const w = await team();
    const other = await newWorkspace(t);
    await publish(w.as, w.url);
    await read(w.viewer, w.url); // cached
    for (const query of ['', '?view=published', '?view=draft']) {
      const res = await other.as('GET', `${w.url}${query}`);
      expect(res.statusCode, query).toBe(404);
      expect(res.json().error.code).toBe('battlecard_not_found');
    }
    expect((await getCard(w.as, w.cardId)).id).toBe(w.cardId);
  });
});
