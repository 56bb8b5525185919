/**
 * File names from uploaders are metadata only: we never use one as a path or put it raw into a
 * header. These helpers make one safe to show and to offer back on download.
 */

const MAX_NAME = 200;

/**
 * The last path segment, without control characters (CR/LF included), quotes, backslashes or
 * leading dots; "document" when nothing is left.
 */
export function sanitizeFileName(raw: string | undefined): string {
  // Browsers send ", CR and LF in a multipart file name as %22, %0D and %0A.
  const base =
    (raw ?? '')
      .replace(/%(22|0d|0a)/gi, '')
      .split(/[/\\]/)
      .pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f"'`<>|:*?;]/g, '')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .trim();
  const chars = [...cleaned];
  if (chars.length === 0) return 'document';
  if (chars.length <= MAX_NAME) return cleaned;
  // Keep the extension when shortening.
  const ext = /\.[a-z0-9]{1,10}$/i.exec(cleaned)?.[0] ?? '';
  return chars.slice(0, MAX_NAME - ext.length).join('') + ext;
}

/** A title from a file name: no extension, separators as spaces. */
export function titleFromFileName(name: string): string {
  const stem = name
    .replace(/\.[a-z0-9]{1,10}$/i, '')
    .replace(/[_]+/g, ' ')
    .trim();
  return (stem || 'Untitled document').slice(0, 300);
}

/** The name with its extension replaced by the one the content has. */
export function withExtension(name: string, extension: string): string {
  const stem = name.replace(/\.[a-z0-9]{1,10}$/i, '') || 'document';
  return `${stem}.${extension}`;
}

/**
 * RFC 6266 `attachment` with an ASCII fallback `filename` and the exact UTF-8 name as
 * `filename*` (RFC 8187 percent-encoding).
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
