/**
 * The file name a download should get, from the server's Content-Disposition: the UTF-8
 * `filename*` (RFC 8187) when present — it keeps "Zürich" and "東京" — else the ASCII
 * `filename`, else `fallback`. Path separators are never kept.
 */
export function downloadName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  let name: string | undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(header);
  if (extended) {
    try {
      name = decodeURIComponent(extended[1]!);
    } catch {
      name = undefined;
    }
  }
  name ??= /filename\s*=\s*"([^"]*)"/i.exec(header)?.[1];
  const safe = name?.replace(/[/\\]/g, '-').trim();
  return safe ? safe : fallback;
}
