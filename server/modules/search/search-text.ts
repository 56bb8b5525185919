/**
 * Turns what a person typed into the words of a full-text query. Only letters, marks and
 * digits survive, so no tsquery syntax (`& | ! ( ) : * '` …) ever reaches the database, and
 * the words travel as bind parameters, never as SQL text.
 */
export interface SearchText {
  /** Complete words, joined by spaces: every one must match (plainto_tsquery). */
  words: string;
  /** The last word, still being typed: matched as a prefix (`acm` finds Acme). */
  prefix: string;
}

/** Enough for any real query; the rest of a pasted paragraph is ignored. */
const MAX_WORDS = 16;
/** A longer "word" is noise (a hash, a URL fragment); PostgreSQL also skips very long words. */
const MAX_WORD_CHARS = 64;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Null when nothing searchable is left (only punctuation, emoji or spaces). */
export function parseSearchText(input: string): SearchText | null {
  const words = (input.normalize('NFKC').toLowerCase().match(WORD) ?? [])
    .map((word) => word.slice(0, MAX_WORD_CHARS))
    // A word that starts with a combining mark has nothing to search by.
    .filter((word) => /^[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return null;
  const kept = words.length > MAX_WORDS ? [...words.slice(0, MAX_WORDS - 1), words.at(-1)!] : words;
  return { words: kept.slice(0, -1).join(' '), prefix: kept.at(-1)! };
}
