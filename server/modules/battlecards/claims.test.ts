import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Claim, ClaimSchema } from '../../../common/battlecards';
import { claim, event } from '../../db/schema';
import { insertEvidence } from '../../test/core-factories';
import { addMember } from '../../test/factories';
import { fieldsOf, useTestApp } from '../../test/test-app';
import {
  CLAIM_KEYS,
  PRICING_TEXT,
  addClaim,
  caller,
  expectKeys,
  expectStatus,
  getCard,
  idsIn,
  insertClaimOn,
  newWorkspace,
  withCard,
} from './battlecards.test-support';

const t = useTestApp();

/** Positions straight from the table: dense 0..n-1 per section, in the card's order. */
async function positions(cardId: string) {
  const rows = await t
    .db()
    .select({ id: claim.id, section: claim.section, position: claim.position })
    .from(claim)
    .where(eq(claim.battlecardId, cardId))
    .orderBy(asc(claim.section), asc(claim.position));
  const bySection: Record<string, number[]> = {};
  for (const row of rows) (bySection[row.section] ??= []).push(row.position);
  for (const list of Object.values(bySection)) expect(list).toEqual(list.map((_, i) => i));
  return rows;
}

describe('citations', () => {
  it('accepts quotes that are exact substrings and presents their sources', async () => {
    const w = await withCard(t);
    const created = await addClaim(w.as, w.cardId, {
      section: 'pricing',
      text: 'Per-seat pricing, SSO costs extra',
      citations: [
        { evidenceId: w.evidenceId, quote: '$45 per seat per month' },
        { evidenceId: w.evidenceId, quote: 'SSO is only on Enterprise.' },
      ],
    });
    expect(ClaimSchema.parse(created)).toEqual(created);
    expectKeys(created, CLAIM_KEYS);
    expect(created).toMatchObject({ audience: 'internal', confidence: 0.8, stale: false });
    expect(created.citations.map((c) => [c.quote, c.title, c.url])).toEqual([
      ['$45 per seat per month', 'Acme pricing page', 'https://acme.example/pricing'],
      ['SSO is only on Enterprise.', 'Acme pricing page', 'https://acme.example/pricing'],
    ]);
  });

  it('refuses a quote that is not in the evidence: 400 invalid_citation naming it', async () => {
    const w = await withCard(t);
    for (const quote of [
      '$40 per seat per month',
      'sso is only on enterprise',
      `${PRICING_TEXT} More`,
    ]) {
      const res = await w.as('POST', `${w.url}/claims`, {
        section: 'pricing',
        text: 'Cheap',
        citations: [
          { evidenceId: w.evidenceId, quote: 'Team plan' },
          { evidenceId: w.evidenceId, quote },
        ],
      });
      expect(res.statusCode, quote).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'invalid_citation',
        details: {
          citations: [{ index: 1, evidenceId: w.evidenceId, reason: 'quote_not_in_evidence' }],
        },
      });
    }
    expect(await positions(w.cardId)).toEqual([]);
  });

  it('treats evidence of another workspace exactly like evidence that does not exist', async () => {
    const a = await withCard(t);
    const b = await newWorkspace(t);
    const answers = [];
    for (const evidenceId of [b.evidenceId, '00000000-0000-4000-8000-000000000000']) {
      const res = await a.as('POST', `${a.url}/claims`, {
        section: 'pricing',
        text: 'Cheap',
        citations: [{ evidenceId, quote: '$45 per seat' }],
      });
      expect(res.statusCode).toBe(400);
      const { code, message, details } = res.json().error;
      expect(details.citations).toEqual([{ index: 0, evidenceId, reason: 'evidence_not_found' }]);
      answers.push({ code, message });
    }
    expect(answers[0]).toEqual(answers[1]);
  });

  it('validates citations on edit too, and drops a verification when they change', async () => {
    const w = await withCard(t);
    const other = await insertEvidence(t.services, {
      workspaceId: w.workspaceId,
      competitorId: w.rival.id,
      title: 'Call with Dana',
      content: 'Dana said the Acme rollout took nine months.',
    });
    const c = await insertClaimOn(t, w, { section: 'weaknesses', text: 'Slow rollouts' });
    expectStatus(await w.as('POST', `${w.url}/claims/${c.id}/verify`), 200);
    const bad = await w.as('PATCH', `${w.url}/claims/${c.id}`, {
      citations: [{ evidenceId: other.id, quote: 'took six months' }],
    });
    expect(bad.json().error.code).toBe('invalid_citation');
    const ok = await w.as('PATCH', `${w.url}/claims/${c.id}`, {
      citations: [{ evidenceId: other.id, quote: 'took nine months' }],
    });
    expectStatus(ok, 200);
    expect(ok.json()).toMatchObject({
      citations: [{ evidenceId: other.id, title: 'Call with Dana', url: null }],
      verifiedBy: null,
      verifiedAt: null,
    });
    const invalid = await w.as('PATCH', `${w.url}/claims/${c.id}`, {
      citations: [{ evidenceId: 'not-a-uuid', quote: 'ab' }],
    });
    expect(invalid.statusCode).toBe(400);
    expect(fieldsOf(invalid)).toEqual(['body.citations.0.evidenceId', 'body.citations.0.quote']);
  });
});

describe('objection responses', () => {
  it('are allowed only in the objections section, and dropped when a claim moves out', async () => {
    const w = await withCard(t);
    const refused = await w.as('POST', `${w.url}/claims`, {
      section: 'strengths',
      text: 'Brand',
      response: 'Not here',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('response_not_allowed');

    const objection = await addClaim(w.as, w.cardId, {
      section: 'objections',
      text: 'Acme is cheaper',
      response: 'Not once you add SSO.',
    });
    expect(objection.response).toBe('Not once you add SSO.');
    const edited = await w.as('PATCH', `${w.url}/claims/${objection.id}`, {
      response: 'Not with SSO, which Acme charges extra for.',
    });
    expect(edited.json().response).toBe('Not with SSO, which Acme charges extra for.');

    const moved = await w.as('PATCH', `${w.url}/claims/${objection.id}`, { section: 'landmines' });
    expectStatus(moved, 200);
    expect('response' in moved.json()).toBe(false);
    const back = await w.as('PATCH', `${w.url}/claims/${objection.id}`, { section: 'objections' });
    expect('response' in back.json()).toBe(false); // dropped for good, not hidden
    const [row] = await t
      .db()
      .select({ response: claim.response })
      .from(claim)
      .where(eq(claim.id, objection.id));
    expect(row!.response).toBeNull();

    const elsewhere = await addClaim(w.as, w.cardId, { section: 'news', text: 'Raised $50M' });
    const patch = await w.as('PATCH', `${w.url}/claims/${elsewhere.id}`, { response: 'So?' });
    expect(patch.json().error.code).toBe('response_not_allowed');
    const moveWith = await w.as('PATCH', `${w.url}/claims/${elsewhere.id}`, {
      section: 'objections',
      response: 'Funding is not product.',
    });
    expect(moveWith.json().response).toBe('Funding is not product.');
  });
});

describe('positions', () => {
  it('stay dense 0..n-1 per section through inserts, moves and deletes', async () => {
    const w = await withCard(t);
    const add = (text: string, position?: number) =>
      addClaim(w.as, w.cardId, { section: 'strengths', text, position });
    const b = await add('B');
    const d = await add('D');
    const a = await add('A', 0);
    const c = await add('C', 2);
    const e = await add('E', 99); // past the end: appended
    const order = async () => idsIn(await getCard(w.as, w.cardId), 'strengths');
    expect(await order()).toEqual([a.id, b.id, c.id, d.id, e.id]);
    await positions(w.cardId);

    const move = (id: string, body: object) =>
      w.as('PATCH', `${w.url}/claims/${id}`, body).then((r) => expectStatus(r, 200));
    await move(a.id, { position: 3 });
    expect(await order()).toEqual([b.id, c.id, d.id, a.id, e.id]);
    await move(e.id, { position: 0 });
    expect(await order()).toEqual([e.id, b.id, c.id, d.id, a.id]);
    await move(b.id, { position: 50 });
    expect(await order()).toEqual([e.id, c.id, d.id, a.id, b.id]);
    await positions(w.cardId);

    const w1 = await addClaim(w.as, w.cardId, { section: 'weaknesses', text: 'W1' });
    await move(c.id, { section: 'weaknesses', position: 0 });
    await move(d.id, { section: 'weaknesses' });
    const card = await getCard(w.as, w.cardId);
    expect(idsIn(card, 'strengths')).toEqual([e.id, a.id, b.id]);
    expect(idsIn(card, 'weaknesses')).toEqual([c.id, w1.id, d.id]);
    await positions(w.cardId);

    expectStatus(await w.as('DELETE', `${w.url}/claims/${a.id}`), 204);
    expectStatus(await w.as('DELETE', `${w.url}/claims/${c.id}`), 204);
    expect(await order()).toEqual([e.id, b.id]);
    expect(idsIn(await getCard(w.as, w.cardId), 'weaknesses')).toEqual([w1.id, d.id]);
    await positions(w.cardId);
    expect((await w.as('DELETE', `${w.url}/claims/${a.id}`)).statusCode).toBe(404);
  });

  it('reorders a section only when every claim of it is listed exactly once', async () => {
    const w = await withCard(t);
    const [a, b, c] = [
      await insertClaimOn(t, w, { section: 'talking_points', position: 0, text: 'A' }),
      await insertClaimOn(t, w, { section: 'talking_points', position: 1, text: 'B' }),
      await insertClaimOn(t, w, { section: 'talking_points', position: 2, text: 'C' }),
    ];
    const elsewhere = await insertClaimOn(t, w, { section: 'news', text: 'N' });
    const reorder = (claimIds: string[], section = 'talking_points') =>
      w.as('PUT', `${w.url}/sections/${section}/order`, { claimIds });

    const ok = await reorder([c.id, a.id, b.id]);
    expectStatus(ok, 200);
    expect(ok.json().key).toBe('talking_points');
    expect(ok.json().claims.map((x: Claim) => x.id)).toEqual([c.id, a.id, b.id]);
    expect(idsIn(await getCard(w.as, w.cardId), 'talking_points')).toEqual([c.id, a.id, b.id]);

    for (const [ids, problem] of [
      [[c.id, a.id], { missing: [b.id] }],
      [[c.id, a.id, b.id, a.id], { duplicates: [a.id] }],
      [[c.id, a.id, elsewhere.id], { missing: [b.id], unknown: [elsewhere.id] }],
      [[], { missing: [c.id, a.id, b.id] }],
    ] as const) {
      const res = await reorder([...ids]);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid_order', details: problem });
    }
    expect(idsIn(await getCard(w.as, w.cardId), 'talking_points')).toEqual([c.id, a.id, b.id]);
    expectStatus(await reorder([], 'customers'), 200);
    expect((await reorder([a.id], 'nonsense')).statusCode).toBe(400);
    await positions(w.cardId);
  });
});

describe('verifying and marking stale', () => {
  it('records who verified a claim and when; stale marks carry a reason', async () => {
    const w = await withCard(t);
    const editorAccount = await addMember(t.app, w.owner, 'editor', 'Ed Editor');
    const editor = caller(t, editorAccount);
    const c = await insertClaimOn(t, w, { section: 'customers', text: 'Globex uses Acme' });
    const stale = await w.as('POST', `${w.url}/claims/${c.id}/stale`, { reason: 'Globex left' });
    expect(stale.json()).toMatchObject({ stale: true, staleReason: 'Globex left' });
    const noReason = await w.as('POST', `${w.url}/claims/${c.id}/stale`);
    expect(noReason.json()).toMatchObject({ stale: true, staleReason: null });

    const before = Date.now();
    const verified = await editor('POST', `${w.url}/claims/${c.id}/verify`);
    expectStatus(verified, 200);
    const body = verified.json<Claim>();
    expect(body).toMatchObject({
      stale: false,
      staleReason: null,
      verifiedBy: { id: editorAccount.auth.user.id, name: 'Ed Editor' },
    });
    expect(new Date(body.verifiedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000);

    // Audience and confidence do not change what was verified; the text does.
    const tuned = await w.as('PATCH', `${w.url}/claims/${c.id}`, { confidence: 0.5 });
    expect(tuned.json().verifiedBy).not.toBeNull();
    const same = await w.as('PATCH', `${w.url}/claims/${c.id}`, { text: 'Globex uses Acme' });
    expect(same.json().verifiedBy).not.toBeNull();
    const reworded = await w.as('PATCH', `${w.url}/claims/${c.id}`, { text: 'Globex left Acme' });
    expect(reworded.json()).toMatchObject({ text: 'Globex left Acme', verifiedBy: null });
  });
});

describe('claims across workspaces and cards', () => {
  it('answers 404 for claims of another workspace or of another card', async () => {
    const a = await withCard(t);
    const b = await withCard(t);
    const c = await insertClaimOn(t, a, { section: 'overview', text: 'Suite' });
    const foreign = `${a.url}/claims/${c.id}`;
    for (const [method, url, payload] of [
      ['POST', `${a.url}/claims`, { section: 'overview', text: 'x' }],
      ['PATCH', foreign, { text: 'x' }],
      ['DELETE', foreign],
      ['POST', `${foreign}/verify`],
      ['POST', `${foreign}/stale`, {}],
      ['PUT', `${a.url}/sections/overview/order`, { claimIds: [c.id] }],
    ] as const) {
      const res = await b.as(method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('battlecard_not_found');
    }
    // The claim through a card of the caller's own that does not hold it.
    const mine = await b.as('PATCH', `${b.url}/claims/${c.id}`, { text: 'x' });
    expect(mine.statusCode).toBe(404);
    expect(mine.json().error.code).toBe('claim_not_found');
    expect((await getCard(a.as, a.cardId)).sections[0]!.claims[0]!.text).toBe('Suite');
  });
});

describe('claim events', () => {
  it('records created, updated and deleted in the same transaction', async () => {
    const w = await withCard(t);
    const c = await addClaim(w.as, w.cardId, { section: 'overview', text: 'Suite' });
    await w.as('PATCH', `${w.url}/claims/${c.id}`, { text: 'Suite of tools' });
    await w.as('DELETE', `${w.url}/claims/${c.id}`);
    const rows = await t
      .db()
      .select({ type: event.type, data: event.data })
      .from(event)
      .where(and(eq(event.workspaceId, w.workspaceId), eq(event.entityId, c.id)))
      .orderBy(asc(event.createdAt));
    expect(rows.map((r) => r.type)).toEqual(['claim.created', 'claim.updated', 'claim.deleted']);
    expect(rows[1]!.data).toEqual({ battlecardId: w.cardId, fields: ['text'] });
  });
});
