import type { Snippet } from '../../../common/search';

/**
 * ts_headline marks matches with two private-use characters that ordinary text does not
 * contain (they are stripped from the source text first), so the server can hand the web app
 * plain text segments instead of HTML.
 */
export const MATCH_START = '\uE000';
export const MATCH_STOP = '\uE001';

/** The ts_headline options: markers, and at most two short fragments of a long text. */
export const HEADLINE_OPTIONS = [
  `StartSel=${MATCH_START}`,
  `StopSel=${MATCH_STOP}`,
  'MaxWords=28',
  'MinWords=12',
  'ShortWord=2',
  'MaxFragments=2',
  'FragmentDelimiter=" … "',
].join(', ');

/** Splits a marked headline into text segments; `match` is true for the matched words. */
export function toSnippet(marked: string): Snippet {
  const segments: Snippet = [];
  const push = (text: string, match: boolean) => {
    if (text === '') return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  const text = marked.replace(/\s+/g, ' ').trim();
  let match = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== MATCH_START && c !== MATCH_STOP) continue;
    push(text.slice(start, i), match);
    match = c === MATCH_START;
    start = i + 1;
  }
  push(text.slice(start), match);
  return segments;
}
