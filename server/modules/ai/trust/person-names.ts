import { FIRST_NAMES } from './first-names';
import type { Span } from './pii-patterns';

/**
 * Heuristics for names of people in notes, win/loss records and call snippets (wink-nlp's
 * entity recogniser is weak at names). A false positive costs little — redaction is undone
 * locally — so the rules lean towards catching names.
 */

// A capitalised word (O'Brien, Jean-Luc, Åsa) or an initial ("J.").
const WORD = String.raw`\p{Lu}[\p{Ll}\p{M}]*(?:['’-]\p{Lu}?[\p{Ll}\p{M}]+)*`;
const NAME = String.raw`${WORD}(?:[ \t]+(?:\p{Lu}\.|${WORD})){0,2}`;

/** Capitalised words that start sentences or name teams and months, not people. */
const NOT_NAMES = new Set(
  (
    'the a an our their his her its this that these those we they he she it i you and or but ' +
    'if when then so also not no yes ok team sales procurement legal finance security it ops ' +
    'engineering marketing product support customer customers management leadership board ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may ' +
    'june july august september october november december q1 q2 q3 q4 pro plan enterprise ' +
    'business starter basic premium free trial demo pricing price call meeting email notes note ' +
    'win loss deal lost won reason reasons summary next steps action items ceo cfo cto coo cio ' +
    'ciso vp svp evp head director manager lead chief president founder owner admin user users ' +
    'company competitor vendor partner mr mrs ms miss mx dr prof sir dame'
  ).split(' '),
);

/** Common words that are also given names; alone they count only after a cue. */
const AMBIGUOUS = new Set(
  (
    'will mark bill grace joy rose ruby dawn jay dean grant lee ross jan ken kai mason taylor ' +
    'morgan jordan austin logan harper riley casey lily amber crystal april may june hope faith ' +
    'robin holly victoria georgia chelsea sky art ray chase eva max paris'
  ).split(' '),
);

const CUE = String.raw`(?:(?:spoke|speaking|talked|talking|met|meeting|call|calls|chatted|chat|emailed|interviewed|demoed|connected|negotiated|worked)\s+(?:with|to)|according\s+to|per|cc:?|c\/o|attn:?|thanks\s+to|introduced\s+(?:us\s+)?(?:to|by)|signed\s+by|approved\s+by|champion(?:ed\s+by)?|(?:their|our|the)\s+(?:ceo|cfo|cto|coo|cio|ciso|vp(?:\s+of)?\s+\w+|head\s+of\s+\w+|director(?:\s+of\s+\w+)?|buyer|champion|sponsor|rep|ae|admin|contact|manager|lead))[\s,:]+`;
const LABEL = String.raw`^[ \t]*(?:name|contact|champion|buyer|sponsor|from|to|cc|attendees?|participants?|interviewee|customer\s+contact|rep|ae|sdr|owner|author|prepared\s+by|signed)[ \t]*:[ \t]*`;
const HONORIFIC = String.raw`\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame)\.?[ \t]+`;
const SIGN_OFF = String.raw`(?:^|\n)[ \t]*(?:thanks|thank you|best|best regards|regards|kind regards|cheers|sincerely|warmly|talk soon)[ \t]*[,!.]?[ \t]*\n[ \t]*`;
const DASH_SIGNATURE = String.raw`(?:^|\n)[ \t]*(?:—|–|--|-)[ \t]*`;

const AFTER_CUE = new RegExp(`(?:\\b${CUE}(?:${HONORIFIC})?|${HONORIFIC})(${NAME})`, 'giu');
const AFTER_LABEL = new RegExp(`${LABEL}(${NAME}(?:[ \\t]*(?:,|and|&)[ \\t]*${NAME})*)`, 'gimu');
const SIGNATURE = new RegExp(`(?:${SIGN_OFF}|${DASH_SIGNATURE})(${NAME})[ \\t]*(?=\\n|,|$)`, 'giu');
const CAPITALISED = new RegExp(`(?<![\\p{L}\\p{N}])${WORD}`, 'gu');
const NAME_PART = new RegExp(`^(?:\\p{Lu}\\.|${WORD})$`, 'u');

/** Trims words that are not names off a candidate ("Dana Whitfield Procurement" → "Dana Whitfield"). */
function nameWords(candidate: string): string[] {
  const words: string[] = [];
  for (const word of candidate.split(/[ \t]+/)) {
    if (!NAME_PART.test(word) || NOT_NAMES.has(word.toLowerCase().replace(/\.$/, ''))) break;
    words.push(word);
  }
  return words;
}

function pushName(spans: Span[], text: string, start: number, candidate: string): void {
  const words = nameWords(candidate);
  if (words.length === 0) return;
  const name = words.join(' ');
  const at = text.indexOf(name, start);
  if (at >= 0) spans.push({ start: at, end: at + name.length, kind: 'PERSON' });
}

/** Spans of likely person names. Spans may overlap; the redactor resolves that. */
export function findPersonSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const re of [AFTER_CUE, SIGNATURE]) {
    for (const m of text.matchAll(re)) {
      pushName(spans, text, m.index + m[0].length - m[1]!.length, m[1]!);
    }
  }
  for (const m of text.matchAll(AFTER_LABEL)) {
    let from = m.index + m[0].length - m[1]!.length;
    for (const part of m[1]!.split(/[ \t]*(?:,|\band\b|&)[ \t]*/)) {
      pushName(spans, text, from, part);
      from = text.indexOf(part, from) + part.length;
    }
  }
  // A known given name, with a capitalised surname after it, or alone if it is not also a word.
  for (const m of text.matchAll(CAPITALISED)) {
    const first = m[0].toLowerCase();
    if (!FIRST_NAMES.has(first)) continue;
    const rest = /^[ \t]+((?:\p{Lu}\.[ \t]+)?[\p{Lu}][\p{Ll}\p{M}'’-]+)/u.exec(
      text.slice(m.index + m[0].length),
    );
    const surname = rest && !NOT_NAMES.has(rest[1]!.toLowerCase()) ? rest[0] : '';
    if (surname) {
      spans.push({ start: m.index, end: m.index + m[0].length + surname.length, kind: 'PERSON' });
    } else if (!AMBIGUOUS.has(first)) {
      spans.push({ start: m.index, end: m.index + m[0].length, kind: 'PERSON' });
    }
  }
  return spans;
}
