/** One CSV field: quoted when it holds a comma, quote or line break; formula triggers defused. */
export type CsvValue = string | number | boolean | null | undefined;

function field(value: CsvValue): string {
  let text = value === null || value === undefined ? '' : String(value);
  // A cell starting with = + - @ runs as a formula in spreadsheet apps (CSV injection).
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text: a header row of `columns`' labels, then one row per item. */
export function toCsv<T>(
  rows: readonly T[],
  columns: readonly { label: string; value: (row: T) => CsvValue }[],
): string {
  const lines = [columns.map((c) => field(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => field(c.value(row))).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Saves `text` as a file through a temporary link (no server round trip). */
export function downloadCsv(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
