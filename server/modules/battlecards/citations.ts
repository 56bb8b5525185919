import { sql } from 'drizzle-orm';
import type { CitationInput } from '../../../common/battlecards';
import type { CitationRow } from '../../db/schema';
import type { DbOrTx } from '../../lib/db/database';
import { badRequest } from '../../lib/errors';

export type CitationProblemReason = 'evidence_not_found' | 'quote_not_in_evidence';

export interface CitationProblem {
  /** Index in the submitted `citations` array. */
  index: number;
  evidenceId: string;
  reason: CitationProblemReason;
}

/** `array[$1, $2, …]::type[]` of bound parameters. */
const typedArray = (values: readonly string[], type: 'uuid' | 'text') =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::${sql.raw(type)}[]`;

type CitationCheck = {
  idx: number | string;
  found: boolean;
  contains: boolean;
};

/**
 * Checks what a claim cites: every evidence id must exist in `workspaceId`, and every quote must
 * be an exact substring of that evidence's content. Evidence of another workspace is treated as
 * missing, so nothing about it leaks. Throws 400 `invalid_citation` naming each bad citation
 * (`details.citations: [{ index, evidenceId, reason }]`); returns the citations as stored.
 * Pass the transaction that writes the claim. The substring test runs in the database
 * (`strpos`, exact and case-sensitive), so evidence content never travels to the server.
 */
export async function validateCitations(
  db: DbOrTx,
  workspaceId: string,
  citations: readonly CitationInput[],
): Promise<CitationRow[]> {
  if (citations.length === 0) return [];
  const evidenceIds = typedArray(
    citations.map((c) => c.evidenceId),
    'uuid',
  );
  const quotes = typedArray(
    citations.map((c) => c.quote),
    'text',
  );
  // Typed `unknown` over both drivers; each returns `{ rows }`.
  const result = (await db.execute<CitationCheck>(sql`
    select q.idx, e.id is not null as found,
      coalesce(strpos(e.content, q.quote) > 0, false) as contains
    from unnest(${evidenceIds}, ${quotes}) with ordinality as q(evidence_id, quote, idx)
    left join evidence e on e.id = q.evidence_id and e.workspace_id = ${workspaceId}::uuid
    order by q.idx`)) as { rows: CitationCheck[] };

  const problems: CitationProblem[] = [];
  for (const check of result.rows) {
    const index = Number(check.idx) - 1;
    const evidenceId = citations[index]!.evidenceId;
    if (!check.found) problems.push({ index, evidenceId, reason: 'evidence_not_found' });
    else if (!check.contains) problems.push({ index, evidenceId, reason: 'quote_not_in_evidence' });
  }
  if (problems.length > 0) {
    throw badRequest(
      'invalid_citation',
      problems.some((p) => p.reason === 'evidence_not_found')
        ? 'A citation refers to evidence that does not exist in this workspace.'
        : 'A quoted passage is not in the evidence it cites: quote the text exactly as it appears.',
      { citations: problems },
    );
  }
  return citations.map((c) => ({ evidenceId: c.evidenceId, quote: c.quote }));
}
