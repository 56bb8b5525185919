import { labelPrefix } from '../extract/draft';
import { NEGATIVE_CUES, POSITIVE_CUES } from '../lexicons/sentiment-cues';

/**
 * Opinion values as a seller should read them: one side of a mixed sentence ("X is great but
 * slow" is a strength AND a weakness, never a pure strength), and no note labels ("Notes:",
 * "Prospect:", "[Demo call, Acme, 10:05]") in front of what was actually said. Profiles can
 * come from any engine or an older cache, so the writer checks this itself.
 */

const CONTRAST =
  /\s*(?:[,;]\s*(?:but|however|although|though|yet|whereas)\b,?|\s(?:but|however|whereas|although|though)\s|;\s|(?<=[a-z]{2}[.!?]["”]?)\s+(?=["“(]?[A-Z]))\s*/gi;

function cue(clause: string, cues: [RegExp, number][]): number {
  let best = 0;
  for (const [re, weight] of cues) if (re.test(clause)) best = Math.max(best, weight);
  return best;
}

// "not easy", "isn't fast": a negated praise is a complaint.
const NEGATED = /\b(?:not|n't|never|hardly)\s+(?:very\s+|that\s+|as\s+)?\w+/i;

export function polarity(clause: string): 'positive' | 'negative' | 'neutral' {
  const positive = cue(clause, POSITIVE_CUES);
  const negative = cue(clause, NEGATIVE_CUES);
  if (positive > 0 && NEGATED.test(clause) && negative === 0) return 'negative';
  if (negative > positive) return 'negative';
  if (positive > negative) return 'positive';
  return 'neutral';
}

/** Without a leading note label: "Notes: Ledgerly came in cheaper" → "Ledgerly came in cheaper". */
export function withoutLabel(text: string): string {
  const cut = labelPrefix(text);
  return cut > 0 && text.length - cut >= 8 ? text.slice(cut) : text;
}

/**
 * The part of an opinion that is on `side`: the clauses that read that way, joined back in
 * their order. Null when the opinion is mixed and no clause takes that side, so a strength
 * is never shown with its "but…" and a complaint never as praise.
 */
export function sideOf(text: string, side: 'positive' | 'negative'): string | null {
  const other = side === 'positive' ? 'negative' : 'positive';
  const clauses: string[] = [];
  // contrastNext[i]: the boundary after clause i is "but"/"however"/….
  const contrastNext: boolean[] = [];
  let at = 0;
  for (const m of text.matchAll(CONTRAST)) {
    clauses.push(text.slice(at, m.index).trim());
    contrastNext.push(/\b(?:but|however|although|though|yet|whereas)\b/i.test(m[0]));
    at = m.index + m[0].length;
  }
  clauses.push(text.slice(at).trim());
  if (clauses.length <= 1) return polarity(text) === other ? null : text;
  // After "but", a clause without cue words still turns against the one before ("fast and
  // painless, but the sync kept failing").
  const read = clauses.map(polarity);
  for (let i = 1; i < read.length; i++)
    if (read[i] === 'neutral' && contrastNext[i - 1] && read[i - 1] !== 'neutral')
      read[i] = read[i - 1] === 'positive' ? 'negative' : 'positive';
  // …and before it: "Good cards, good app, but the reporting is very basic".
  for (let i = read.length - 2; i >= 0; i--)
    if (read[i] === 'neutral' && contrastNext[i] && read[i + 1] !== 'neutral')
      read[i] = read[i + 1] === 'positive' ? 'negative' : 'positive';
  if (!read.includes(other)) return text;
  const kept = clauses.filter((_, i) => read[i] === side);
  if (kept.length === 0) return null;
  return kept.join('; ').replace(/^[a-z]/, (c) => c.toUpperCase());
}
