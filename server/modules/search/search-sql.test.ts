import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../common/search';
import { evidence } from '../../db/schema';
import { insertCompetitor } from '../../test/core-factories';
import { registerOwner } from '../../test/factories';
import { type TestApp, buildTestApp } from '../../test/harness';
import { tsqueryStatement } from './search-sql';
import { parseSearchText } from './search-text';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const SEARCH_INDEXES = [
  'battlecard_search_idx',
  'claim_search_idx',
  'competitor_search_idx',
  'evidence_search_idx',
];

async function tsqueryOf(typed: string): Promise<string> {
  const { rows } = (await t.services.database.db.execute(
    tsqueryStatement(parseSearchText(typed)!),
  )) as { rows: { query: string }[] };
  return rows[0]!.query;
}

describe('search statements', () => {
  it('keeps no pending list in the full-text indexes: new rows are searched through the index', async () => {
    const { rows } = await t.services.database.query<{ name: string; options: string[] | null }>(
      `select relname as name, reloptions as options from pg_class where relname = any($1)`,
      [SEARCH_INDEXES],
    );
    expect(rows.map((r) => r.name).sort()).toEqual(SEARCH_INDEXES);
    for (const row of rows) expect(row.options, row.name).toContain('fastupdate=false');
  });

  it('keeps the evidence vector in the row, so testing a document never fetches it from TOAST', async () => {
    const { rows } = await t.services.database.query<{ storage: string }>(
      `select attstorage as storage from pg_attribute
        where attrelid = 'evidence'::regclass and attname = 'search'`,
    );
    expect(rows[0]?.storage).toBe('m');
  });

  it('asks for one prefix when it covers the other, both when neither does', async () => {
    expect(await tsqueryOf('weeks ne')).toBe(`'week' & 'ne':*`);
    // "leads" stems to "lead": 'lead':* already finds every word 'leads':* would.
    expect(await tsqueryOf('now leads')).toBe(`'lead':*`);
    expect(await tsqueryOf('sales engineer')).toBe(`'sale' & 'engin':*`);
    // "analy" stems to "anali", which no longer starts "analytics" (stored as "analyt").
    expect(await tsqueryOf('analy')).toBe(`'anali':* | 'analy':*`);
    // A stop word stems to nothing: only the word as typed is left.
    expect(await tsqueryOf('an')).toBe(`'an':*`);
    expect(await tsqueryOf('the')).toBe(`'the':*`);
  });

  it('finds an old document by a rare word behind many newer ones that do not have it', async () => {
    // Consonants only: the English stemmer leaves the word alone.
    const word = `zq${[...randomBytes(8)].map((b) => 'bcdfghjkmnpqrtvwxz'[b % 18]).join('')}`;
    const owner = await registerOwner(t.app);
    const workspaceId = owner.auth.workspace.id;
    const rival = await insertCompetitor(t.services, workspaceId);
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await t.services.database.db.insert(evidence).values(
      Array.from({ length: 300 }, (_, i) => ({
        workspaceId,
        competitorId: rival.id,
        kind: 'note' as const,
        title: `Note ${i}`,
        content: `Pricing call ${i} about renewals and discounts. `.repeat(20),
        contentHash: `hash-${i}`,
        capturedAt: at(i),
      })),
    );
    const [old] = await t.services.database.db
      .insert(evidence)
      .values({
        workspaceId,
        competitorId: rival.id,
        kind: 'note',
        title: 'An old note',
        content: `Last year the buyer mentioned ${word} once.`,
        contentHash: 'hash-old',
        capturedAt: at(60 * 24 * 365),
      })
      .returning({ id: evidence.id });
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/search?q=${word}`,
      headers: owner.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: SearchResult[] }>().items;
    expect(items.map((i) => [i.type, i.id])).toEqual([['evidence', old!.id]]);
  });
});
