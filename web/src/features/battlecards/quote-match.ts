/**
 * Instant feedback for the citation picker: the server accepts a quote only when it is an
 * exact substring of the evidence's content, so say before saving whether it is, and when it
 * nearly is, what differs.
 */
import { CITATION_QUOTE_MAX } from '../../../../common/battlecard-sections';

export const CITATION_QUOTE_MIN = 3;

export type QuoteCheck =
  | { status: 'empty' }
  | { status: 'too_short' }
  | { status: 'too_long' }
  /** An exact substring; `index` is where it first starts. */
  | { status: 'exact'; index: number }
  /** Would match if spaces and line breaks were the same. */
  | { status: 'whitespace' }
  /** Would match ignoring upper and lower case. */
  | { status: 'case' }
  | { status: 'missing' };

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

export function checkQuote(content: string, quote: string): QuoteCheck {
  if (quote.length === 0) return { status: 'empty' };
  if (quote.length < CITATION_QUOTE_MIN) return { status: 'too_short' };
  if (quote.length > CITATION_QUOTE_MAX) return { status: 'too_long' };
  const index = content.indexOf(quote);
  if (index >= 0) return { status: 'exact', index };
  if (collapse(content).includes(collapse(quote))) return { status: 'whitespace' };
  if (content.toLocaleLowerCase().includes(quote.toLocaleLowerCase())) return { status: 'case' };
  return { status: 'missing' };
}

/** What the picker says under the quote field. */
export function quoteFeedback(check: QuoteCheck): string {
  switch (check.status) {
    case 'empty':
      return 'Select a passage in the evidence text, or type it exactly.';
    case 'too_short':
      return `A quote needs at least ${CITATION_QUOTE_MIN} characters.`;
    case 'too_long':
      return `A quote can be at most ${CITATION_QUOTE_MAX.toLocaleString()} characters.`;
    case 'exact':
      return 'Exact match found in this evidence.';
    case 'whitespace':
      return 'Almost: spaces or line breaks differ from the evidence. Select the text instead of typing it.';
    case 'case':
      return 'Almost: upper and lower case differ from the evidence.';
    case 'missing':
      return 'Not found in this evidence. A quote must match its text exactly.';
  }
}

/** The selected text as a quote: surrounding whitespace dropped, which keeps it a substring. */
export function selectionToQuote(selected: string): string {
  return selected.trim();
}
