import { type SQL, sql } from 'drizzle-orm';
import type { SectionKey } from '../../../../common/battlecard-sections';
import type { CitationRow } from '../../../db/schema';
import type { DbOrTx } from '../../../lib/db/database';
import type { CheckedClaim } from './citation-check';

/** A claim of the card as a save compares and orders it. */
export interface StoredClaim {
  id: string;
  section: SectionKey;
  text: string;
  response: string | null;
  audience: CheckedClaim['audience'];
  confidence: number;
  citations: CitationRow[];
  stale: boolean;
  origin: 'ai' | 'human';
  /** Someone verified it: a save keeps it like a claim people wrote. */
  verified: boolean;
}

/** The card's claims in `sections` as the generation opened them, and their version. */
export interface OpenedClaims {
  claims: StoredClaim[];
  version: string;
}

// The sections as one array parameter: the statement's text stays the same whichever sections
// it names, so it can be prepared once (lib/db/prepared.ts).
const inSections = (battlecardId: string, sections: SectionKey[]): SQL =>
  sql`battlecard_id = ${battlecardId}::uuid and section = any(${sql.param(sections)}::text[])`;

/** The card's claims in `sections`, per section in order, as one json value. */
export const claimsJson = (battlecardId: string, sections: SectionKey[]): SQL =>
  sql`(select coalesce(json_agg(json_build_object('id', id, 'section', section, 'text', text,
      'response', response, 'audience', audience, 'confidence', confidence,
      'citations', citations, 'stale', stale, 'origin', origin,
      'verified', verified_at is not null) order by section, position), '[]'::json)
    from claim where ${inSections(battlecardId, sections)})`;

/** The card's claims in `sections`, per section in order. */
export async function claimsOf(
  db: DbOrTx,
  battlecardId: string,
  sections: SectionKey[],
): Promise<StoredClaim[]> {
  const result: unknown = await db.execute(
    sql`select ${claimsJson(battlecardId, sections)} as claims`,
  );
  return (result as { rows: { claims: StoredClaim[] }[] }).rows[0]?.claims ?? [];
}

/**
 * A version of those claims: their ids and row versions (xmin, new on every write), so any
 * insert, edit or delete among them since it was read changes it.
 */
export const claimsVersion = (battlecardId: string, sections: SectionKey[]): SQL =>
  sql`(select md5(coalesce(string_agg(id::text || ':' || xmin::text, ',' order by id), ''))
    from claim where ${inSections(battlecardId, sections)})`;

/** Whether a save replaces this claim: an AI claim nobody verified (any claim with replaceEdited). */
export const replaceable = (replaceEdited: boolean, c: StoredClaim) =>
  replaceEdited || (c.origin === 'ai' && !c.verified);

/**
 * Whether the card already holds exactly these claims (a warm regeneration of unchanged
 * evidence): in each section, the claims a save would replace are, in order and after the
 * kept ones, equal to the new ones — same text, response, audience, confidence and citations,
 * none stale. Then nothing is deleted or inserted.
 */
export function claimsUnchanged(
  stored: StoredClaim[],
  request: { sections: SectionKey[]; claims: CheckedClaim[]; replaceEdited: boolean },
): boolean {
  for (const section of request.sections) {
    const existing = stored.filter((r) => r.section === section);
    const fresh = request.claims.filter((c) => c.section === section);
    const firstReplaceable = existing.findIndex((r) => replaceable(request.replaceEdited, r));
    const ours = firstReplaceable === -1 ? [] : existing.slice(firstReplaceable);
    // People's claims must all come first, as a save would order them.
    if (ours.some((r) => !replaceable(request.replaceEdited, r)) || ours.length !== fresh.length) {
      return false;
    }
    for (const [i, r] of ours.entries()) {
      const c = fresh[i]!;
      if (
        r.stale ||
        r.text !== c.text ||
        r.response !== c.response ||
        r.audience !== c.audience ||
        Math.abs(r.confidence - c.confidence) > 1e-6 ||
        !sameCitations(r.citations, c.citations)
      ) {
        return false;
      }
    }
  }
  return true;
}

/** Same evidence and quotes in the same order (jsonb does not keep key order: no stringify). */
function sameCitations(a: readonly CitationRow[], b: readonly CitationRow[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.evidenceId === b[i]!.evidenceId && x.quote === b[i]!.quote)
  );
}
