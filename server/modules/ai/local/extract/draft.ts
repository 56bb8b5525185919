import type { ContentAnalysisInput, FactCategory } from '../../contracts';
import type { Sentence } from '../nlp';

/** A fact before it becomes output: offsets into the original text instead of a quote. */
export interface Draft {
  category: FactCategory;
  value: string;
  confidence: number;
  start: number;
  end: number;
  /** An item of an enumerated list: kept beside more specific facts from its sentence. */
  item?: boolean;
}

/** What the lines before a sentence said: the plan card it sits in, the section heading. */
export interface LineContext {
  kind: ContentAnalysisInput['kind'];
  /** The evidence is opinion (reviews, win/loss, call notes): strengths and weaknesses count. */
  opinion: boolean;
  /** The plan named by the last plan heading, while inside its card. */
  plan: string | null;
  /** Where that plan heading starts in the text, so a price quote can include it. */
  planAt: number;
  /** The last heading, lower case ("integrations", "security"). */
  section: string;
  /** Under a "Pros"/"Cons" heading. */
  side: 'pro' | 'con' | null;
  /** The sentence before, when it was a question (FAQ pages answer "No." on the next line). */
  question: Sentence | null;
  /** Win/loss records: whether the record being read was won or lost against the competitor. */
  verdict: 'won' | 'lost' | null;
  /** Win/loss records: the account named at the head of the record being read. */
  record: { name: string; start: number; emitted: boolean } | null;
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
  // A closing quote mark whose opening one was cut off goes with the punctuation before it.
  const quotes = (flat.match(/["“”]/g) ?? []).length;
  if (quotes % 2 === 1 && /["”]$/.test(flat)) return shorten(flat.slice(0, -1), max);
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
  fromAt: number,
  to: number,
): { start: number; end: number } {
  let from = fromAt;
  const text = sentence.text;
  // A clause that starts after a boundary's trailing space still starts after the boundary.
  while (from < to && /\s/.test(text[from]!)) from++;
  // Also at a full stop before a new sentence: wink keeps `"Hit and miss. Chat is quick"`
  // together when a quote mark opens it, and a quote must not carry the other sentence.
  const splitter =
    /\s*(?:;|\s[–—]\s|,?\s(?:[Bb]ut|[Hh]owever|[Ww]hereas|[Aa]lthough|[Tt]hough)\s|(?<=(?:[a-z]{2}|\))[.!?]["”]?)\s+(?=["“(]?[A-Z]))/g;
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

/**
 * Labels that open a line of notes or a transcript — "Notes:", "Summary:", "Prospect:",
 * "SDR:", "[Demo call, Acme, 10:05]" — are not part of what was said: their length, or 0.
 */
export function labelPrefix(text: string): number {
  const m =
    /^\s*(?:\[[^\]\n]{1,80}\]\s*)?(?:(?:[A-Z][\w/&'’-]*|[A-Z]{2,})(?:[ -][\w/&'’-]+){0,2}\s*:\s+(?=["“(]?[A-Z0-9$£€]))*/.exec(
      text,
    );
  return m ? m[0].length : 0;
}
