import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claim, evidence } from '../../db/schema';
import { encodeCursor } from '../../lib/pagination';
import { recordEvent } from '../audit/audit.service';
import { EVIDENCE_CANDIDATES } from './search-sql';
import { insertCompetitor, insertEvidence } from '../../test/core-factories';
import { addMember, registerOwner } from '../../test/factories';
import { type TestApp, buildTestApp, eventually } from '../../test/harness';
import { matchedText, searchHelpers, uniqueWord } from './test-support';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const { search, searchOk, insertCard, insertClaim, workspaceWithCard } = searchHelpers(() => t);

describe('GET /api/v1/search', () => {
  it('finds a claim by a word in it, ranked first, within the caller’s workspace only', async () => {
    const word = uniqueWord();
    const a = await workspaceWithCard('Northwind — enterprise');
    // Weaker matches of the same word in the same workspace: a passing mention in evidence,
    // the competitor's summary, and another card's segment.
    const evidence = await insertEvidence(t.services, {
      workspaceId: a.workspaceId,
      competitorId: a.rival.id,
      title: 'Call notes from the March renewal',
      content: `The buyer compared several tools and briefly mentioned ${word} near the end of a long call about budgets, timelines and the procurement process.`,
    });
    const other = await insertCompetitor(t.services, a.workspaceId, {
      summary: `Sometimes bundled with ${word} in resale deals.`,
    });
    await insertCard(a.workspaceId, other.id, {
      title: 'Second card',
      segment: `${word} resellers`,
    });
    const hit = await insertClaim(
      a.card,
      `Their ${word} connector drops events under load.`,
      'weaknesses',
    );
    await insertClaim(a.card, 'They discount heavily at quarter end.', 'pricing');

    // The same word in another workspace must never show up.
    const b = await workspaceWithCard();
    const foreign = await insertClaim(b.card, `Their ${word} connector drops events under load.`);

    const page = await searchOk(a.owner, { q: word });
    expect(page.items[0]).toMatchObject({
      type: 'claim',
      id: hit.id,
      title: 'Northwind — enterprise · Their weaknesses',
      battlecardId: a.card.id,
      section: 'weaknesses',
      competitor: { id: a.rival.id, name: a.rival.name },
      href: `/battlecards/${a.card.id}#claim-${hit.id}`,
    });
    expect(matchedText(page.items[0]!)).toBe(word);
    expect(page.items.map((i) => i.type).sort()).toEqual([
      'battlecard',
      'claim',
      'competitor',
      'evidence',
    ]);
    const ranks = page.items.map((i) => i.rank);
    expect([...ranks].sort((x, y) => y - x)).toEqual(ranks);
    expect(page.items.find((i) => i.type === 'evidence')?.href).toBe(
      `/competitors/${a.rival.id}/evidence/${evidence.id}`,
    );
    expect(page.items.some((i) => i.id === foreign.id)).toBe(false);

    const fromB = await searchOk(b.owner, { q: word });
    expect(fromB.items.map((i) => i.id)).toEqual([foreign.id]);
  });

  it('matches the last word as a prefix, as the person types', async () => {
    const owner = await registerOwner(t.app);
    const stem = uniqueWord('acme');
    const acme = await insertCompetitor(t.services, owner.auth.workspace.id, {
      name: `${stem} Analytics`,
      summary: 'Dashboards for finance teams.',
    });
    for (const q of [stem.slice(0, 7), stem, `${stem} analy`, `${stem} an`, stem.toUpperCase()]) {
      const page = await searchOk(owner, { q });
      expect(
        page.items.map((i) => i.id),
        q,
      ).toEqual([acme.id]);
      expect(page.items[0]).toMatchObject({ type: 'competitor', href: `/competitors/${acme.id}` });
    }
    // Earlier words are whole words, not prefixes: "dash" alone is a prefix, "dash finance" is not.
    expect((await searchOk(owner, { q: 'dash' })).items.map((i) => i.id)).toEqual([acme.id]);
    expect((await searchOk(owner, { q: 'dash financ' })).items).toEqual([]);
    expect((await searchOk(owner, { q: 'dashboards financ' })).items.map((i) => i.id)).toEqual([
      acme.id,
    ]);
  });

  it('returns snippets as plain text segments with the matched words marked, never HTML', async () => {
    const word = uniqueWord();
    const { owner, workspaceId, rival } = await workspaceWithCard();
    const filler = Array.from({ length: 120 }, (_, i) => `sentence${i}`).join(' ');
    await insertEvidence(t.services, {
      workspaceId,
      competitorId: rival.id,
      title: 'Pricing page snapshot',
      content: `${filler} <b>Enterprise</b> plans\uE000 include ${word} support \uE001for SSO. ${filler}`,
    });
    const [item] = (await searchOk(owner, { q: word })).items;
    expect(item?.type).toBe('evidence');
    const snippet = item!.snippet;
    expect(snippet.filter((s) => s.match).map((s) => s.text)).toEqual([word]);
    const text = snippet.map((s) => s.text).join('');
    // ts_headline drops markup tags; everything else comes back as the plain text it was.
    expect(text).toContain(`Enterprise plans include ${word} support for SSO.`);
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toMatch(/[\uE000\uE001]/);
    // A fragment around the match, not the whole 240-word document.
    expect(text.split(' ').length).toBeLessThan(60);
  });

  it('answers odd and hostile input with results or an empty list, never an error', async () => {
    const word = uniqueWord();
    const { owner, card } = await workspaceWithCard();
    const hit = await insertClaim(card, `Watch for ${word} in renewals.`);
    const cases: [string, boolean][] = [
      [`'${word}'`, true],
      [`"${word}`, true],
      [`${word}:*`, true],
      [`${word} & | ! ( ) : * < > <-> \\`, true],
      [`!${word}`, true],
      [`(${word}`, true],
      [`${word}'); drop table claim; --`, false],
      ['&|!():*', false],
      ["'", false],
      ['"', false],
      ['\\', false],
      ['the and of', false],
      ['the', false],
      ['a', false],
      ['🔥🚀', false],
      [`🔥${word}🔥`, true],
      ['x'.repeat(200), false],
      [`${word} `.repeat(30).slice(0, 200), true],
      ['é'.repeat(200), false],
      ['\u0301abc', false],
      ['%00', false],
      ['null', false],
      ['-- ;', false],
      ['<script>alert(1)</script>', false],
      ['中文搜索', false],
    ];
    for (const [q, finds] of cases) {
      const page = await searchOk(owner, { q });
      expect(
        page.items.some((i) => i.id === hit.id),
        `q=${JSON.stringify(q)}`,
      ).toBe(finds);
    }
    for (const q of ['', '   ', 'x'.repeat(201)]) {
      const res = await search(owner, { q });
      expect(res.statusCode, q).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
    }
  });

  it('never fails on arbitrary text', async () => {
    const { owner } = await workspaceWithCard();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), async (q) => {
        const res = await search(owner, { q });
        expect([200, 400], `${res.statusCode} ${JSON.stringify(q)}`).toContain(res.statusCode);
        if (res.statusCode === 400) expect(q.trim()).toBe('');
      }),
      { numRuns: 60 },
    );
  });

  it('shows a recorded change in search within about a second', async () => {
    const word = uniqueWord();
    const { owner, workspaceId, card } = await workspaceWithCard();
    expect((await searchOk(owner, { q: word })).items).toEqual([]);
    // As a service writes: the row and its event in one transaction.
    const added = await t.services.database.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(claim)
        .values({ workspaceId, battlecardId: card.id, section: 'news', position: 0, text: word })
        .returning();
      await recordEvent(tx, {
        type: 'claim.created',
        workspaceId,
        actorId: owner.auth.user.id,
        entity: 'claim',
        entityId: row!.id,
      });
      return row!;
    });
    // Each process re-reads the workspace's content version about once a second.
    const found = await eventually(async () => {
      const ids = (await searchOk(owner, { q: word })).items.map((i) => i.id);
      return ids.length > 0 ? ids : undefined;
    }, 5_000);
    expect(found).toEqual([added.id]);
  });

  it('filters by type and by competitor', async () => {
    const word = uniqueWord();
    const { owner, workspaceId, rival, card } = await workspaceWithCard();
    await insertEvidence(t.services, {
      workspaceId,
      competitorId: rival.id,
      title: `About ${word}`,
      content: 'Notes.',
    });
    const theirClaim = await insertClaim(card, `Mentions ${word}.`);
    const other = await insertCompetitor(t.services, workspaceId, { summary: `Also ${word}.` });
    const otherCard = await insertCard(workspaceId, other.id, { title: 'Other card' });
    const otherClaim = await insertClaim(otherCard, `Also mentions ${word}.`);

    const types = async (params: Record<string, string>) =>
      (await searchOk(owner, { q: word, ...params })).items.map((i) => i.type).sort();
    expect(await types({})).toEqual(['claim', 'claim', 'competitor', 'evidence']);
    expect(await types({ types: 'claim' })).toEqual(['claim', 'claim']);
    expect(await types({ types: 'competitor, evidence' })).toEqual(['competitor', 'evidence']);

    const ofRival = await searchOk(owner, { q: word, competitorId: rival.id });
    expect(ofRival.items.map((i) => i.type).sort()).toEqual(['claim', 'evidence']);
    expect(ofRival.items.some((i) => i.id === theirClaim.id)).toBe(true);
    const ofOther = await searchOk(owner, { q: word, competitorId: other.id, types: 'claim' });
    expect(ofOther.items.map((i) => i.id)).toEqual([otherClaim.id]);

    for (const params of [
      { types: 'claims' },
      { types: 'claim,deal' },
      { competitorId: 'x' },
    ] as Record<string, string>[]) {
      const res = await search(owner, { q: word, ...params });
      expect(res.statusCode, JSON.stringify(params)).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
    }
  });

  it('pages through results with an opaque cursor and refuses a tampered one', async () => {
    const word = uniqueWord();
    const { owner, card } = await workspaceWithCard();
    const ids = new Set<string>();
    for (let i = 0; i < 7; i++) {
      ids.add((await insertClaim(card, `Point ${i}: ${word} ${'again '.repeat(i)}`)).id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const page = await searchOk(owner, { q: word, limit: '3', ...(cursor ? { cursor } : {}) });
      sizes.push(page.items.length);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([3, 3, 1]);
    expect(new Set(seen)).toEqual(ids);
    expect(seen).toHaveLength(7);

    for (const bad of [
      'not-a-cursor',
      encodeCursor(['3']),
      encodeCursor([-3]),
      encodeCursor([1.5]),
      encodeCursor([3, 4]),
      encodeCursor([10_000_000]),
    ]) {
      const res = await search(owner, { q: word, cursor: bad });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('invalid_cursor');
    }
    for (const limit of ['0', '101', 'ten']) {
      expect((await search(owner, { q: word, limit })).statusCode, limit).toBe(400);
    }
  });

  it('ranks evidence among its most recent matches when a word is everywhere', async () => {
    const word = uniqueWord();
    const { owner, workspaceId, rival } = await workspaceWithCard();
    const count = EVIDENCE_CANDIDATES + 30;
    const rows = await t.services.database.db
      .insert(evidence)
      .values(
        Array.from({ length: count }, (_, i) => ({
          workspaceId,
          competitorId: rival.id,
          kind: 'note' as const,
          title: `Note ${i}`,
          content: `Seen ${word} again on call ${i}.`,
          contentHash: `hash-${i}`,
          capturedAt: new Date(Date.now() - i * 60_000),
        })),
      )
      .returning({ id: evidence.id });
    const newest = rows.slice(0, EVIDENCE_CANDIDATES).map((r) => r.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchOk(owner, { q: word, limit: '100', ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(newest.sort());
  });

  it('is open to viewers and closed to anonymous callers', async () => {
    const { owner } = await workspaceWithCard();
    const viewer = await addMember(t.app, owner, 'viewer');
    expect((await search(viewer, { q: 'northwind' })).statusCode).toBe(200);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/search?q=northwind' });
    expect(anonymous.statusCode).toBe(401);
  });
});
