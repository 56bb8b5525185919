/**
 * Model output is untrusted text. Before it is stored it loses markup, invisible and
 * direction-changing characters, Unicode tag characters (a known carrier of hidden
 * instructions) and control characters, and is cut to the length its field allows.
 */

// Zero-width, word joiner, BOM, Mongolian vowel separator, soft hyphen.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;
// Bidi embeddings, overrides, isolates and marks (Trojan Source).
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// Unicode tag characters U+E0000–U+E007F (surrogate pair U+DB40 U+DC00–U+DC7F).
const TAGS = /\uDB40[\uDC00-\uDC7F]/g;
// Half of a surrogate pair without its other half (invalid UTF-16 from a JSON \\u escape).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0 controls except tab and newline, DEL, C1 controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

const SCRIPT_OR_STYLE =
  /<(script|style|iframe|object|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?(-->|$)/g;
const TAG = /<\/?[a-z!?][^<>]*>/gi;
// A tag cut off by the end of the text (`<img src=x onerror=…`).
const UNCLOSED_TAG = /<\/?[a-z!?][^<>]*$/i;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};
const ENTITY = /&(amp|lt|gt|quot|apos|nbsp|#39|#x?[0-9a-f]{1,6});/gi;

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower in ENTITIES) return ENTITIES[lower]!;
    const code = lower.startsWith('#x')
      ? parseInt(lower.slice(2), 16)
      : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : whole;
  });
}

/** Markdown the UI would otherwise show as stray symbols: links, images, emphasis, code fences. */
function stripMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\((?:[^)]*)\)/g, '$1')
    .replace(/```[a-z]*\n?/gi, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^#{1,6}\s+/gm, '');
}

/** Removes characters that are invisible or change how surrounding text is displayed. */
export function stripInvisible(text: string): string {
  return text
    .replace(TAGS, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(INVISIBLE, '')
    .replace(BIDI, '')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '');
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair; marks the cut with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end).trimEnd() + '…';
}

/**
 * Plain text fit for storage: no markup (decoded entities are stripped again, so
 * `&lt;script&gt;` cannot sneak back in), no hidden characters, tidy spaces, at most `max` long.
 */
export function sanitizeText(text: string, max: number): string {
  let out = stripInvisible(text);
  for (let round = 0; round < 3; round++) {
    const before = out;
    out = decodeEntities(out.replace(SCRIPT_OR_STYLE, '').replace(COMMENT, '').replace(TAG, ''));
    if (out === before) break;
  }
  out = stripInvisible(stripMarkdown(out).replace(UNCLOSED_TAG, ''))
    .replace(/[ \t\u00A0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return truncate(out, max);
}

/** A number from a model: clamped into [min, max]; anything not a finite number becomes `fallback`. */
export function boundNumber(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}
