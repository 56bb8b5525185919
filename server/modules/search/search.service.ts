import type { z } from 'zod';
import { SECTION_TITLES, type SectionKey } from '../../../common/battlecards';
import type { Page } from '../../../common/pagination';
import { hasRole } from '../../../common/permissions';
import {
  SEARCH_TYPES,
  type SearchQuerySchema,
  SearchResponseSchema,
  type SearchResult,
  type SearchType,
} from '../../../common/search';
import type { RequestContext } from '../../lib/context';
import { decodeCursor, encodeCursor, invalidCursor } from '../../lib/pagination';
import { authorize } from '../auth/auth.policy';
import { SearchVersions } from './content-version';
import { SearchResults } from './search-results';
import { type Scope, searchStatement, stemsOf, tsqueryStatement } from './search-sql';
import { type SearchText, parseSearchText } from './search-text';
import { toSnippet } from './snippet';

export type SearchQuery = z.infer<typeof SearchQuerySchema>;

const EMPTY_PAGE = JSON.stringify({ items: [], nextCursor: null });

/** How deep a result list may be paged: nobody reads result 1,000 of a search. */
const MAX_OFFSET = 1_000;

interface Row extends Record<string, unknown> {
  type: SearchType;
  id: string;
  rank: number;
  battlecard_id: string | null;
  section: SectionKey | null;
  competitor_id: string;
  competitor_name: string;
  title: string;
  headline: string | null;
}

function hrefOf(row: Row): string {
  switch (row.type) {
    case 'competitor':
      return `/competitors/${row.id}`;
    case 'battlecard':
      return `/battlecards/${row.id}`;
    case 'claim':
      return `/battlecards/${row.battlecard_id}#claim-${row.id}`;
    case 'evidence':
      return `/competitors/${row.competitor_id}/evidence/${row.id}`;
  }
}

function present(row: Row): SearchResult {
  return {
    type: row.type,
    id: row.id,
    title: row.section ? `${row.title} · ${SECTION_TITLES[row.section]}` : row.title,
    snippet: toSnippet(row.headline ?? ''),
    rank: Number(row.rank),
    competitor: { id: row.competitor_id, name: row.competitor_name },
    battlecardId: row.battlecard_id,
    section: row.section,
    href: hrefOf(row),
  };
}

/** The offset a cursor stands for; anything else is a 400 `invalid_cursor`. */
function offsetOf(cursor: string | undefined): number {
  const key = decodeCursor(cursor, 1);
  if (key === undefined) return 0;
  const [offset] = key;
  if (
    typeof offset !== 'number' ||
    !Number.isInteger(offset) ||
    offset < 1 ||
    offset >= MAX_OFFSET
  ) {
    throw invalidCursor();
  }
  return offset;
}

/** One page of results from the database: a tsquery first, then the ranked statement. */
async function runSearch(
  ctx: RequestContext,
  text: SearchText,
  scope: Scope,
  types: SearchType[],
  limit: number,
  offset: number,
): Promise<Page<SearchResult>> {
  const { rows: prepared } = (await ctx.db.execute(tsqueryStatement(text))) as {
    rows: { query: string }[];
  };
  const tsquery = prepared[0]?.query ?? '';
  // Only stop words, or nothing PostgreSQL counts as a word: nothing can match.
  if (tsquery === '') return { items: [], nextCursor: null };
  const { rows } = (await ctx.db.execute(
    searchStatement(tsquery, stemsOf(tsquery), scope, types, limit, offset),
  )) as { rows: Row[] };
  const more = rows.length > limit && offset + limit < MAX_OFFSET;
  return {
    items: rows.slice(0, limit).map(present),
    nextCursor: more ? encodeCursor([offset + limit]) : null,
  };
}

/**
 * Full-text search across the workspace's competitors, battlecards, claims and evidence, best
 * match first. Private cards (and their claims) show only to their owner and to admins.
 */
export class SearchService {
  private readonly versions = new SearchVersions();
  private readonly results = new SearchResults();

  /**
   * One page of results as JSON text: a page is checked against SearchResponseSchema once,
   * when it is built, and cached as text, so a repeated search (the common case while
   * people type and retype) costs neither the database nor a re-validation.
   */
  async json(ctx: RequestContext, query: SearchQuery): Promise<string> {
    authorize(ctx, 'content.read');
    const offset = offsetOf(query.cursor);
    const text = parseSearchText(query.q);
    if (text === null) return EMPTY_PAGE;
    const types = SEARCH_TYPES.filter((t) => !query.types?.length || query.types.includes(t));
    const { version, privateOwners } = await this.versions.of(ctx);
    const seesAllPrivate = hasRole(ctx.actor.role, 'admin');
    const scope: Scope = {
      workspaceId: ctx.workspaceId,
      // Results depend on who asks only through the private cards they own: everyone who
      // owns none asks the same search, without any private card, and shares its cache.
      userId: !seesAllPrivate && privateOwners.has(ctx.actor.userId) ? ctx.actor.userId : null,
      seesAllPrivate,
      competitorId: query.competitorId,
    };
    const key = JSON.stringify([
      ctx.workspaceId,
      version,
      seesAllPrivate ? '*' : scope.userId,
      text.words,
      text.prefix,
      types,
      scope.competitorId ?? null,
      offset,
      query.limit,
    ]);
    return this.results.get(key, async () =>
      JSON.stringify(
        SearchResponseSchema.parse(await runSearch(ctx, text, scope, types, query.limit, offset)),
      ),
    );
  }
}
