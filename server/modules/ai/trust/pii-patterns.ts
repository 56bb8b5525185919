/** Finds contact details (emails, phone numbers) in free text, as [start, end) spans. */

export interface Span {
  start: number;
  end: number;
  kind: 'EMAIL' | 'PHONE' | 'PERSON';
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// International (+44 20 7946 0958, +1-415-555-0134, +49 (0)30 1234567) or national
// ((415) 555-0134, 415.555.0134, 020 7946 0958) numbers: digit groups joined by one separator.
const PHONE =
  /(?<![\w$€£¥+.,-])(?:\+\d{1,3}[ .-]?(?:\(0?\d{1,4}\)[ .-]?)?|\(\d{2,5}\)[ .-]?)?\d{1,5}(?:[ .-]\d{2,8}){1,5}(?![\w%]|[.,]\d)|(?<![\w$€£¥+.,-])\+\d{8,15}(?!\w)/g;

const PHONE_CUE = /\b(?:phone|tel|mobile|cell|call|ph|fax|whatsapp)\b[\s.:#]*$/i;
const DATE_LIKE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/;
const YEARS = /^(?:(?:19|20)\d\d[ .-]?)+$/;

function isPhone(text: string, match: string, index: number): boolean {
  const digits = match.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) return false;
  if (DATE_LIKE.test(match) || YEARS.test(match)) return false;
  const international = match.startsWith('+');
  const bracketed = match.includes('(');
  const groups = match.split(/[ .-]+/).length;
  const cued = PHONE_CUE.test(text.slice(Math.max(0, index - 20), index));
  // An ungrouped or two-group run of digits (an order number, "10 000") counts only with a cue.
  return international || bracketed || cued || (groups >= 3 && digits >= 9);
}

export function findContactSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(EMAIL)) {
    spans.push({ start: m.index, end: m.index + m[0].length, kind: 'EMAIL' });
  }
  for (const m of text.matchAll(PHONE)) {
    if (isPhone(text, m[0], m.index)) {
      spans.push({ start: m.index, end: m.index + m[0].length, kind: 'PHONE' });
    }
  }
  return spans;
}
