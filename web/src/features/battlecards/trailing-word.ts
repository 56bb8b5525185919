/**
 * Splits marked text before its last word, so the last word can be kept on one line with
 * whatever follows it (a closing quote, citation markers [1] [2]) instead of those wrapping
 * alone onto a line of their own.
 */
import type { TextSegment } from './claim-filter';

export interface SplitText {
  head: TextSegment[];
  /** The last word (and any trailing space), possibly over several segments. */
  tail: TextSegment[];
}

export function splitBeforeLastWord(segments: readonly TextSegment[]): SplitText {
  const text = segments.map((s) => s.text).join('');
  const trimmed = text.trimEnd();
  const cut = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\n')) + 1;
  const head: TextSegment[] = [];
  const tail: TextSegment[] = [];
  let start = 0;
  for (const segment of segments) {
    const end = start + segment.text.length;
    if (end <= cut) head.push(segment);
    else if (start >= cut) tail.push(segment);
    else {
      head.push({ text: segment.text.slice(0, cut - start), match: segment.match });
      tail.push({ text: segment.text.slice(cut - start), match: segment.match });
    }
    start = end;
  }
  return { head, tail };
}
