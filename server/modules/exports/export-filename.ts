import type { ExportAudience, ExportFormat } from '../../../common/export-formats';

/**
 * Download names. A competitor or segment name is user text: it may hold quotes, CR/LF,
 * slashes or anything Unicode. The header carries two names (RFC 6266 / RFC 8187): an ASCII
 * `filename` for old clients and a percent-encoded UTF-8 `filename*` that modern browsers
 * prefer, so "Zürich" stays "Zürich" on disk and nothing in a name can end the header.
 */

/** Longest base name kept (before the extension): room for every filesystem's limit. */
const MAX_BASE = 120;

/** Characters no filename should carry: controls, path separators, quotes, Windows-reserved. */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f"'\\/:*?<>|;,%`$\u2028\u2029\u200b-\u200f\u202a-\u202e\ufeff]+/g;

/** A readable, safe Unicode file name: `Acme-Mid-market-battlecard-v3-shareable.pdf`. */
export function exportFilename(
  parts: { competitor: string; segment: string; version: number | null },
  format: ExportFormat,
  audience: ExportAudience,
): string {
  const words = [parts.competitor];
  if (parts.segment !== 'General') words.push(parts.segment);
  words.push('battlecard');
  words.push(parts.version === null ? 'draft' : `v${parts.version}`);
  if (audience === 'shareable') words.push('shareable');
  const base = words
    .map((word) => word.normalize('NFC').replace(UNSAFE, ' '))
    .join(' ')
    .replace(/\s+/g, '-')
    // No leading dots (hidden files, "..") or dashes (options to a shell tool).
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return `${[...base].slice(0, MAX_BASE).join('') || 'battlecard'}.${format}`;
}

/** The same name in plain ASCII: accents dropped, everything else a dash. */
export function asciiFilename(name: string): string {
  const dot = name.lastIndexOf('.');
  const ascii = name
    .slice(0, dot)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return `${ascii || 'battlecard'}${name.slice(dot)}`;
}

/** RFC 8187 value: UTF-8, percent-encoded except the attr-chars RFC 5987 allows as is. */
const encodeRfc8187 = (value: string) =>
  encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** `attachment; filename="ascii.pdf"; filename*=UTF-8''utf8.pdf` — safe for any `name`. */
export function contentDisposition(name: string): string {
  return `attachment; filename="${asciiFilename(name)}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}
