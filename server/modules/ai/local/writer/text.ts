/**
 * Text helpers for the battlecard writer: tokens and stems for matching, and the clean, bounded
 * sentences a seller reads. Everything here is pure and locale-independent, so the same input
 * always gives the same card.
 */

/** The longest claim text we write: a line a seller can read mid-call. */
export const CLAIM_TEXT_LIMIT = 240;
/** Objection responses may run a little longer: they are read out, not scanned. */
export const RESPONSE_TEXT_LIMIT = 360;

const STOP_WORDS = new Set(
  (
    'a an the and or but of for to in on at by with from as is are was were be been being it its ' +
    'this that these those their they them our we us you your per via into over than then so ' +
    'not no has have had do does did can will would should could may might also more most very ' +
    'all any each every other such only just about after before under up out if when which who ' +
    'what how there here what plan plans month year new now one two'
  ).split(' '),
);

/** A tiny, deterministic suffix stemmer: enough to make "integrations" meet "integration". */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 6 && w.endsWith('ation')) w = w.slice(0, -5);
  else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  return w;
}

/** Lower-cased word tokens, hyphens and punctuation split, digits kept ("soc 2" → soc, 2). */
export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

/** Stemmed tokens, stop words kept: phrase matching needs "sign on" intact. */
export function stems(text: string): string[] {
  return words(text).map(stem);
}

/** Stemmed content words: what two texts must share to be about the same thing. */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of words(text)) {
    if (STOP_WORDS.has(word) || word.length < 2) continue;
    out.add(stem(word));
  }
  return out;
}

/** How many of the smaller set's items the other set shares, 0..1. */
export function overlapRatio(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared += 1;
  return shared / small.size;
}

export function sharedCount(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared;
}

// Zero-width, bidi and Unicode tag characters: invisible, and a classic way to smuggle text.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]|[\u{E0000}-\u{E007F}]/gu;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** Plain text on one line: no markup, no invisible characters, single spaces. */
export function plain(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\.{3}/g, '…')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/[*_`#>]+/g, ' ')
    .replace(/\[(.*?)\]\((.*?)\)/g, '$1')
    .replace(/[\u2605\u2606\u2729-\u2730\u2B50]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const QUOTES = /["“”]/g;

/** Drop quote marks that open or close nothing: extraction often cuts a quote in half. */
export function balanceQuotes(text: string): string {
  const count = (text.match(QUOTES) ?? []).length;
  let out = text;
  if (/^["“”][^"“”]*["“”]$/.test(out)) out = out.slice(1, -1);
  else if (count % 2 === 1)
    out = /^["“”]/.test(out) ? out.slice(1) : out.replace(/["“”](?=[^"“”]*$)/, '');
  return out.trim();
}

/** Cut at a word boundary so the result, with its ellipsis, fits in `limit` characters. */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  const head = (space > limit * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/, '');
  return `${head}…`;
}

/** Trailing sentence punctuation removed, for embedding a value inside a longer sentence. */
export function bare(text: string): string {
  return balanceQuotes(plain(text).replace(/[\s.;:,!]+$/, '')).replace(/[\s.;:,!]+$/, '');
}

export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/**
 * Lower-case the first letter for use mid-sentence, unless the first word looks like a name:
 * an acronym ("SAML"), mixed case ("HubSpot"), or followed by another capitalised word
 * ("Brightpath Analytics").
 */
export function decapitalise(text: string, names: string[] = []): string {
  const [first = '', second = ''] = text.split(' ');
  if (names.some((name) => name.length > 0 && text.startsWith(name))) return text;
  // "Tessera's own support": a capitalised possessive is a name.
  if (/^[A-Z][a-z]+['’]s$/.test(first)) return text;
  if (first.length > 1 && (first === first.toUpperCase() || /[A-Z].*[A-Z]/.test(first))) {
    return text;
  }
  if (/^[A-Z]/.test(second)) return text;
  return text.length === 0 ? text : text[0]!.toLowerCase() + text.slice(1);
}

/** The first clauses of a text that fit in `limit` characters, cut at a clause boundary. */
export function gist(text: string, limit: number): string {
  const clean = bare(text);
  if (clean.length <= limit) return clean;
  const head = clean.slice(0, limit);
  const cut = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '), head.lastIndexOf(' — '));
  return cut > limit * 0.4 ? head.slice(0, cut) : clip(clean, limit);
}

/** One clean sentence: plain, capitalised, ending in punctuation, at most `limit` chars. */
export function sentence(text: string, limit = CLAIM_TEXT_LIMIT): string {
  const body = plain(text);
  if (body.length === 0) return body;
  const ended = /[.!?…"”]$/.test(body) ? body : `${body}.`;
  return clip(capitalise(ended), limit);
}

/** "a, b and c". */
export function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A list inside a sentence: "; " when items carry their own commas. Names (integrations,
 * certifications, customers) keep their case; phrases are lower-cased after the first.
 */
export function listOf(items: string[], names = false): string {
  const shown = items.map((item, i) =>
    i === 0 ? capitalise(item) : names ? item : decapitalise(item),
  );
  if (shown.some((item) => item.includes(',') || item.includes(' and '))) {
    return shown.join('; ');
  }
  return joinList(shown);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "12 Nov 2026", in UTC: stable whatever the server's time zone. */
export function formatDate(iso: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

const VERBS =
  /\b(is|are|was|were|be|has|have|had|does|do|did|can|cannot|will|won't|takes?|took|offers?|requires?|needs?|lets?|makes?|gets?|reads?|sees?|uses?|used|runs?|delayed|launched|announced|raised|acquired|hired|chose|moved|said|says|includes?|supports?|lacks?|charges?|costs?)\b/i;

/** True when a value reads as a sentence of its own rather than a label ("SOC 2 Type II"). */
export function isSentenceLike(text: string): boolean {
  const count = words(text).length;
  return count >= 14 || (count >= 4 && VERBS.test(text));
}

const MASS_NOUNS = new Set(
  'support reporting pricing security access compliance analytics automation integration software data ai sso saml scim ticketing chat email voice help knowledge documentation billing training onboarding'.split(
    ' ',
  ),
);

/** "marketplace of 900+ apps" → "a marketplace of 900+ apps"; plurals, names and mass nouns unchanged. */
export function withArticle(phrase: string): string {
  const first = phrase.split(/\s+/)[0] ?? '';
  const head = phrase.split(/,|\s(?:of|with|for|on|in|from|at|to|and|or)\s/)[0] ?? phrase;
  const plural = head.split(/\s+/).some((word) => /[^s]s$/.test(word));
  if (!/^[a-z]+$/.test(first) || MASS_NOUNS.has(first) || plural) return phrase;
  if (['a', 'an', 'the', 'no', 'one', 'their', 'its', 'our'].includes(first)) return phrase;
  return `${/^[aeiou]/.test(first) ? 'an' : 'a'} ${phrase}`;
}

/** Two decimals: confidences stay readable and stable across runs. */
export function round2(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}

/** End a fragment with a full stop unless it already ends a sentence. */
export function endSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
