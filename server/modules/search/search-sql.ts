import { type SQL, sql } from 'drizzle-orm';
import type { SearchType } from '../../../common/search';
import { HEADLINE_OPTIONS, MATCH_START, MATCH_STOP } from './snippet';
import type { SearchText } from './search-text';

/**
 * The SQL of a search. Everything the person typed travels as bind parameters; the tsquery is
 * built by PostgreSQL from plain words (see search-text.ts), then passed back as a constant so
 * the planner can estimate how common the words are and pick its plan accordingly.
 */

/** Who is asking, and where they may look. */
export interface Scope {
  workspaceId: string;
  /** Whose private cards show besides; null: nobody's (someone who owns none). */
  userId: string | null;
  /** Admins and owners see every private card; others only their own. */
  seesAllPrivate: boolean;
  competitorId: string | undefined;
}

/**
 * A small nudge by type on top of ts_rank, so that for an equally good match the things a
 * seller acts on come first: the competitor itself, then its cards, then their claims, then
 * raw evidence (long documents that mention everything).
 */
const TYPE_BOOST: Record<SearchType, number> = {
  competitor: 1.5,
  battlecard: 1.3,
  claim: 1.2,
  evidence: 1,
};

/**
 * Evidence is ranked among its most recent matches only: a word found in thousands of
 * documents would otherwise cost a ts_rank (and a detoast of a large tsvector) per document.
 * For a word this common, the newest intel is what a seller wants anyway.
 */
export const EVIDENCE_CANDIDATES = 200;

/** Characters of evidence around the first match handed to ts_headline (it parses all of it). */
const SNIPPET_WINDOW_BEFORE = 160;
const SNIPPET_WINDOW_CHARS = 420;
/** How far into a document the snippet looks for the match. */
const SNIPPET_SEARCH_CHARS = 50_000;

/**
 * The canonical tsquery for what was typed: the complete words AND the last word as a prefix.
 * Empty when only stop words (or nothing PostgreSQL counts as a word) are left.
 */
export function tsqueryStatement(text: SearchText): SQL {
  const prefix = `${text.prefix}:*`;
  // The prefix both stemmed and as typed: stemming "analy" gives "anali", which no longer
  // starts "analytics" (stored as "analyt"); and a stop word ("an") stems to nothing at all.
  // When one of the two prefixes starts the other ('lead':* and 'leads':*, or the same twice),
  // the shorter alone finds the same words, and the index reads its long list of words once.
  const covers = (shorter: string, longer: string) =>
    sql.raw(`numnode(${shorter}) = 1 and numnode(${longer}) = 1
      and starts_with(${longer}::text, rtrim(${shorter}::text, ''':*'))`);
  return sql`select (plainto_tsquery('english', ${text.words}) && case
        when ${covers('stemmed', 'typed')} then stemmed
        when ${covers('typed', 'stemmed')} then typed
        else stemmed || typed end)::text as query
    from (select to_tsquery('english', ${prefix}) as stemmed,
      to_tsquery('simple', ${prefix}) as typed) prefix`;
}

const hiddenCards = (scope: Scope): SQL =>
  sql`select id from battlecard where workspace_id = ${scope.workspaceId}
    and visibility = 'private'
    ${scope.userId ? sql`and owner_id is distinct from ${scope.userId}` : sql``}`;

/**
 * One branch of the union per type: matching rows of the caller's workspace, ranked. Every
 * branch names its columns: the first branch of a union names them, and any may be first.
 */
function branch(type: SearchType, query: string, scope: Scope): SQL {
  const q = sql`${query}::tsquery`;
  const rank = (column: SQL) =>
    sql`ts_rank(${column}, ${q}) * ${sql.raw(`${TYPE_BOOST[type]}::float8`)}`;
  const { workspaceId: ws, competitorId } = scope;
  switch (type) {
    case 'competitor':
      return sql`select 'competitor'::text as type, c.id, c.id as competitor_id,
          null::uuid as battlecard_id, null::text as section, ${rank(sql`c.search`)} as rank
        from competitor c
        where c.workspace_id = ${ws} and c.search @@ ${q}
          ${competitorId ? sql`and c.id = ${competitorId}` : sql``}`;
    case 'battlecard':
      return sql`select 'battlecard'::text as type, b.id, b.competitor_id,
          b.id as battlecard_id, null::text as section, ${rank(sql`b.search`)} as rank
        from battlecard b
        where b.workspace_id = ${ws} and b.search @@ ${q}
          ${scope.seesAllPrivate ? sql`` : sql`and (b.visibility = 'workspace' ${scope.userId ? sql`or b.owner_id = ${scope.userId}` : sql``})`}
          ${competitorId ? sql`and b.competitor_id = ${competitorId}` : sql``}`;
    case 'claim':
      // The card's competitor is looked up for the page's rows only; the filters below are
      // hashed sets of card ids, not a join per matching claim.
      return sql`select 'claim'::text as type, cl.id, null::uuid as competitor_id,
          cl.battlecard_id, cl.section, ${rank(sql`cl.search`)} as rank
        from claim cl
        where cl.workspace_id = ${ws} and cl.search @@ ${q}
          ${scope.seesAllPrivate ? sql`` : sql`and cl.battlecard_id not in (${hiddenCards(scope)})`}
          ${
            competitorId
              ? sql`and cl.battlecard_id in (select id from battlecard
                  where workspace_id = ${ws} and competitor_id = ${competitorId})`
              : sql``
          }`;
    case 'evidence':
      return sql`select 'evidence'::text as type, e.id, e.competitor_id,
          null::uuid as battlecard_id, null::text as section, ${rank(sql`e.search`)} as rank
        from evidence_candidates candidate join evidence e on e.id = candidate.id`;
  }
}

/**
 * The evidence worth ranking: its EVIDENCE_CANDIDATES most recent matches. One statement, so
 * the planner picks the path from how common the words are: for a rare word, the full-text
 * index's few matches, sorted; for a common one, the newest documents, newest first, until
 * enough match. Both are cheap only because the index keeps no pending list (see
 * SEARCH_INDEX_OPTIONS): the planner costs that list, and with one it walked the newest
 * documents even for a rare word (tens of ms to test 2,000 documents for nothing). Testing a
 * document reads its vector from the row, not from TOAST (migration 0010_search_storage).
 */
function evidenceCandidates(query: string, scope: Scope): SQL {
  const ofCompetitor = scope.competitorId ? sql`and competitor_id = ${scope.competitorId}` : sql``;
  return sql`evidence_candidates as (
      select id from evidence
      where workspace_id = ${scope.workspaceId} and search @@ ${query}::tsquery ${ofCompetitor}
      order by captured_at desc limit ${EVIDENCE_CANDIDATES}
    )`;
}

/**
 * Where in a document to start its snippet: a little before the first place one of the
 * query's stems occurs (a locator only; ts_headline decides what is a match).
 */
function snippetStart(stems: string[]): SQL {
  if (stems.length === 0) return sql`1`;
  // Lowered once per document, not once per stem ("offset 0" keeps it a separate step).
  return sql`greatest(1, coalesce((select min(p) from (select strpos(doc.text, t) as p
      from (select lower(left(head.text, ${SNIPPET_SEARCH_CHARS})) as text offset 0) doc,
        unnest(array[${sql.join(
          stems.map((stem) => sql`${stem}`),
          sql`, `,
        )}]::text[]) as t) found where p > 0), 1)
    - ${SNIPPET_WINDOW_BEFORE})`;
}

/**
 * Ranks every match in one statement, keeps one page, and only then builds snippets:
 * ts_headline re-parses the text, so it runs on at most `limit` rows, never on every match.
 */
export function searchStatement(
  query: string,
  stems: string[],
  scope: Scope,
  types: SearchType[],
  limit: number,
  offset: number,
): SQL {
  const source = sql`case page.type
      when 'competitor' then case when c.summary <> '' then c.summary else c.name end
      when 'battlecard' then concat_ws(' · ', b.title, b.segment)
      when 'claim' then concat_ws(' — ', cl.text, cl.response)
      else substr(head.text, ${snippetStart(stems)}, ${SNIPPET_WINDOW_CHARS}) end`;
  const evidenceCtes = types.includes('evidence')
    ? sql`${evidenceCandidates(query, scope)},`
    : sql``;
  return sql`with ${evidenceCtes} hits as (${sql.join(
    types.map((type) => branch(type, query, scope)),
    sql` union all `,
  )}),
    page as (
      select * from hits order by rank desc, type, id limit ${limit + 1} offset ${offset}
    ),
    numbered as (
      select page.*, row_number() over (order by rank desc, type, id) as n from page
    )
    select page.type, page.id, page.rank, page.battlecard_id, page.section,
      c.id as competitor_id, c.name as competitor_name,
      case page.type when 'competitor' then c.name when 'evidence' then e.title else b.title end
        as title,
      case when page.n <= ${limit} then ts_headline('english',
        translate(${source}, ${MATCH_START + MATCH_STOP}, ''), ${query}::tsquery, ${HEADLINE_OPTIONS})
      end as headline
    from numbered page
    left join battlecard b on b.id = page.battlecard_id
    join competitor c on c.id = coalesce(page.competitor_id, b.competitor_id)
    left join claim cl on page.type = 'claim' and cl.id = page.id
    left join evidence e on page.type = 'evidence' and e.id = page.id
    -- The part of the document a snippet can come from, read (and decompressed) once.
    cross join lateral (select left(e.content, ${SNIPPET_SEARCH_CHARS + SNIPPET_WINDOW_CHARS})
      as text offset 0) head
    order by page.rank desc, page.type, page.id`;
}

/**
 * The stems of a canonical tsquery (`'price':* | 'pricing':*` → price, pricing), shortened by
 * a letter so that a stem that is not a prefix of its word ("compani" for company) still finds it.
 */
export function stemsOf(query: string): string[] {
  const stems = new Set<string>();
  for (const [, lexeme] of query.matchAll(/'((?:[^']|'')+)'/g)) {
    const stem = lexeme!.replace(/''/g, "'").toLowerCase();
    stems.add(stem.length > 4 ? stem.slice(0, -1) : stem);
  }
  return [...stems].slice(0, 16);
}
