/**
 * The in-card search a seller types into mid-call: which claims to show and which words to
 * mark. Matching is case-insensitive; every word typed must appear in the claim (its text or,
 * for objections, its response), in any order.
 */
import type { Claim, Section } from '../../../../common/battlecards';

/** A run of text, `match` when it should be marked (the same shape as search snippets). */
export interface TextSegment {
  text: string;
  match: boolean;
}

/** The distinct words of a query, longest first so "pricing" wins over "price" when marking. */
export function searchTerms(query: string): string[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function termsPattern(terms: readonly string[]): RegExp | null {
  if (terms.length === 0) return null;
  return new RegExp(terms.map(escapeRegExp).join('|'), 'giu');
}

export function claimMatches(claim: Pick<Claim, 'text' | 'response'>, terms: readonly string[]) {
  if (terms.length === 0) return true;
  const haystack = `${claim.text}\n${claim.response ?? ''}`.toLocaleLowerCase();
  return terms.every((term) => haystack.includes(term));
}

/** `text` cut into marked and unmarked runs; one unmarked run when nothing matches. */
export function highlightText(text: string, terms: readonly string[]): TextSegment[] {
  const pattern = termsPattern(terms);
  if (!pattern || !text) return text ? [{ text, match: false }] : [];
  const segments: TextSegment[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index;
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    segments.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

export interface FilteredCard {
  /** Sections in their original order, each with only its matching claims. */
  sections: Section[];
  /** Claims that match; every claim when the query is empty. */
  matchCount: number;
}

export function filterSections(sections: readonly Section[], query: string): FilteredCard {
  const terms = searchTerms(query);
  let matchCount = 0;
  const filtered = sections.map((section) => {
    const claims = section.claims.filter((claim) => claimMatches(claim, terms));
    matchCount += claims.length;
    return claims.length === section.claims.length ? section : { ...section, claims };
  });
  return { sections: filtered, matchCount };
}
