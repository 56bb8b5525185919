import type { ContentAnalysisInput, FactCategory } from '../../contracts';
import type { Sentence } from '../nlp';

/** A fact before it becomes output: offsets into the original text instead of a quote. */
export interface Draft {
  category: FactCategory;
  value: string;
  confidence: number;
  start: number;
  end: number;
}

/** What the lines before a sentence said: the plan card it sits in, the section heading. */
export interface LineContext {
  kind: ContentAnalysisInput['kind'];
  /** The evidence is opinion (reviews, win/loss, call notes): strengths and weaknesses count. */
  opinion: boolean;
  /** The plan named by the last plan heading, while inside its card. */
  plan: string | null;
  /** The last heading, lower case ("integrations", "security"). */
  section: string;
  /** Under a "Pros"/"Cons" heading. */
  side: 'pro' | 'con' | null;
  /** The evidence is dated (press release): its date, for news values. */
  date: string | null;
}

export type Extractor = (sentence: Sentence, context: LineContext) => Draft[];

const MAX_VALUE = 180;

/** Shortens prose to a value: whole words, no trailing punctuation, an ellipsis when cut. */
export function shorten(text: string, max = MAX_VALUE): string {
  const flat = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[-*•·▪◦✓✔☑+\s]+/, '');
  if (flat.length <= max) return flat.replace(/[\s.,;:]+$/, '');
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}

/** The sentence without a leading bullet marker, as offsets. */
export function sentenceSpan(sentence: Sentence): { start: number; end: number } {
  const lead = /^[-*•·▪◦✓✔☑+]\s*/.exec(sentence.text);
  return { start: sentence.start + (lead ? lead[0].length : 0), end: sentence.end };
}

/**
 * The shortest clause of `sentence` that contains [from, to) (offsets relative to the
 * sentence): split at semicolons, dashes and "but"/"however", never inside the match.
 */
export function clauseSpan(
  sentence: Sentence,
  from: number,
  to: number,
): { start: number; end: number } {
  const text = sentence.text;
  const splitter = /\s*(?:;|\s[–—]\s|,?\s(?:but|however|whereas|although|though)\s)/gi;
  let start = 0;
  let end = text.length;
  for (let m = splitter.exec(text); m; m = splitter.exec(text)) {
    const boundaryEnd = m.index + m[0].length;
    if (boundaryEnd <= from) start = boundaryEnd;
    else if (m.index >= to) {
      end = m.index;
      break;
    }
  }
  const lead = /^[-*•·▪◦✓✔☑+\s]*/.exec(text.slice(start, end))![0].length;
  let s = start + lead;
  let e = end;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e - s > 1000) {
    s = Math.max(s, from - 300);
    e = Math.min(e, Math.max(to, s + 1) + 300, s + 1000);
  }
  if (e <= s) return { start: sentence.start + from, end: sentence.start + Math.max(to, from + 1) };
  return { start: sentence.start + s, end: sentence.start + e };
}
