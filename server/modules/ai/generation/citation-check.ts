import {
  CITATION_QUOTE_MAX,
  CLAIM_TEXT_MAX,
  type SectionKey,
} from '../../../../common/battlecard-sections';
import type { CitationRow } from '../../../db/schema';
import type { WriterClaim } from '../contracts';

/** A claim as it will be stored: every citation checked against the evidence it names. */
export interface CheckedClaim {
  section: SectionKey;
  text: string;
  response: string | null;
  audience: 'internal' | 'shareable';
  confidence: number;
  citations: CitationRow[];
}

export interface CitationCheckResult {
  claims: CheckedClaim[];
  /** Claims left with no valid citation, or outside the sections asked for. */
  droppedClaims: number;
  droppedCitations: number;
}

const MIN_QUOTE = 3;
const MAX_CITATIONS = 20;
/** The claim routes' own limit per section (SECTION_CLAIMS_MAX), minus room for people's claims. */
const MAX_PER_SECTION = 150;

/**
 * The trust check between the writer and the database: a citation stands only if it names
 * evidence of this competitor in this workspace (`contents` holds exactly those) and its quote
 * is an exact substring of that evidence. A claim with no citation left is dropped, never
 * stored uncited. The save re-checks the kept citations in the database (validateCitations).
 */
export function checkCitations(
  claims: readonly WriterClaim[],
  contents: ReadonlyMap<string, string>,
  sections: ReadonlySet<SectionKey>,
): CitationCheckResult {
  const kept: CheckedClaim[] = [];
  const perSection = new Map<SectionKey, number>();
  let droppedClaims = 0;
  let droppedCitations = 0;
  for (const claim of claims) {
    const text = claim.text.trim().slice(0, CLAIM_TEXT_MAX);
    if (!sections.has(claim.section) || text.length === 0) {
      droppedClaims++;
      continue;
    }
    const seen = new Set<string>();
    const citations: CitationRow[] = [];
    for (const c of claim.citations) {
      const content = contents.get(c.evidenceId);
      const key = `${c.evidenceId}\u0000${c.quote}`;
      const valid =
        content !== undefined &&
        c.quote.length >= MIN_QUOTE &&
        c.quote.length <= CITATION_QUOTE_MAX &&
        content.includes(c.quote);
      if (!valid) droppedCitations++;
      else if (!seen.has(key) && citations.length < MAX_CITATIONS) {
        seen.add(key);
        citations.push({ evidenceId: c.evidenceId, quote: c.quote });
      }
    }
    const count = perSection.get(claim.section) ?? 0;
    if (citations.length === 0 || count >= MAX_PER_SECTION) {
      droppedClaims++;
      continue;
    }
    perSection.set(claim.section, count + 1);
    const response = claim.section === 'objections' ? claim.response?.trim() : undefined;
    kept.push({
      section: claim.section,
      text,
      response: response ? response.slice(0, CLAIM_TEXT_MAX) : null,
      audience: claim.audience,
      confidence: claim.confidence,
      citations,
    });
  }
  return { claims: kept, droppedClaims, droppedCitations };
}
