import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { SectionKey } from '../../../common/battlecards';
import type { SearchResult } from '../../../common/search';
import type { battlecard } from '../../db/schema';
import {
  insertBattlecard,
  insertClaim as insertClaimRow,
  insertCompetitor,
} from '../../test/core-factories';
import { type Account, registerOwner } from '../../test/factories';
import type { TestApp } from '../../test/harness';

/**
 * A word no other test (and no English text) contains, so each test sees only its own rows.
 * Consonants only: the English stemmer leaves such a word (and each of its prefixes) alone.
 */
const CONSONANTS = 'bcdfghjkmnpqrtvwxz';
export const uniqueWord = (stem = 'zq') =>
  stem + [...randomBytes(8)].map((b) => CONSONANTS[b % CONSONANTS.length]).join('');

export interface SearchPage {
  items: SearchResult[];
  nextCursor: string | null;
}

export const matchedText = (item: SearchResult) =>
  item.snippet
    .filter((s) => s.match)
    .map((s) => s.text.toLowerCase())
    .join(' ');

/** Search calls and rows for the search tests, on the test app `app()` returns. */
export function searchHelpers(app: () => TestApp) {
  const search = (account: Account, params: Record<string, string>) =>
    app().app.inject({
      method: 'GET',
      url: `/api/v1/search?${new URLSearchParams(params).toString()}`,
      headers: account.headers,
    });

  async function searchOk(account: Account, params: Record<string, string>): Promise<SearchPage> {
    const res = await search(account, params);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return res.json<SearchPage>();
  }

  const insertCard = (
    workspaceId: string,
    competitorId: string,
    overrides: Partial<typeof battlecard.$inferInsert> = {},
  ) =>
    insertBattlecard(app().services, {
      workspaceId,
      competitorId,
      title: 'Battlecard',
      ...overrides,
    });

  const insertClaim = (
    card: { id: string; workspaceId: string },
    text: string,
    section: SectionKey = 'strengths',
  ) =>
    insertClaimRow(app().services, {
      workspaceId: card.workspaceId,
      battlecardId: card.id,
      section,
      text,
    });

  /** A workspace with an owner, a competitor and a card: the usual starting point. */
  async function workspaceWithCard(cardTitle = 'Northwind vs us') {
    const owner = await registerOwner(app().app);
    const workspaceId = owner.auth.workspace.id;
    const rival = await insertCompetitor(app().services, workspaceId, {
      name: `Northwind ${randomBytes(2).toString('hex')}`,
      summary: 'A mid-market analytics vendor.',
    });
    const card = await insertCard(workspaceId, rival.id, { title: cardTitle });
    return { owner, workspaceId, rival, card };
  }

  return { search, searchOk, insertCard, insertClaim, workspaceWithCard };
}
