import {
  type ExportDocument,
  type ExportItem,
  formatDate,
  markingNote,
  markingOf,
  metaLine,
  oneLine,
} from './export-model';

/**
 * Markdown a seller pastes into an email, a wiki or a deal room: headings, bullets, the
 * objections as a table, citations as numbered reference links (`[1]` opens the source) with a
 * visible source list at the end. User text is escaped so a claim's `*`, `_`, `[` or `|`
 * reads as written instead of turning into markup.
 */

/** Escapes what Markdown (CommonMark + GFM tables) would read as markup, anywhere in a line. */
export function escapeMarkdown(text: string): string {
  return (
    oneLine(text)
      .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
      // An entity (`&copy;`) would render as its character.
      .replace(/&(?=#?\w+;)/g, '\\&')
      // At a line's start: headings, list markers, numbered lists, setext rules.
      .replace(/^([#+=-])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

/** ` [1][2]`: reference links resolved by the definitions at the end (plain text without a URL). */
const noteRefs = (notes: number[]) =>
  notes.length ? ` ${notes.map((n) => `[${n}]`).join('')}` : '';

function marks(item: ExportItem): string {
  const parts: string[] = [];
  if (item.internal) parts.push('**Internal only**');
  if (item.stale) {
    const reason = item.staleReason ? `: ${escapeMarkdown(item.staleReason)}` : '';
    parts.push(`_Stale${reason}_`);
  }
  return parts.length ? `${parts.join(' · ')} — ` : '';
}

const line = (item: ExportItem, text: string) =>
  `${marks(item)}${escapeMarkdown(text)}${noteRefs(item.notes)}`;

function objectionTable(items: ExportItem[]): string[] {
  const rows = items.map(
    (item) =>
      `| ${line(item, item.text)} | ${item.response ? escapeMarkdown(item.response) : '—'} |`,
  );
  return ['| Objection | Our response |', '| --- | --- |', ...rows];
}

export function renderMarkdown(doc: ExportDocument): string {
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(doc.title)}`, '');
  out.push(`**${escapeMarkdown(doc.competitor)}** · ${escapeMarkdown(metaLine(doc))}`, '');
  out.push(`> **${markingOf(doc)}** — ${markingNote(doc).replace(/^[^:]+: /, '')}`, '');

  for (const section of doc.sections) {
    out.push(`## ${escapeMarkdown(section.title)}`, '');
    if (section.key === 'objections') out.push(...objectionTable(section.items));
    else out.push(...section.items.map((item) => `- ${line(item, item.text)}`));
    out.push('');
  }

  if (doc.notes.length > 0) {
    out.push('## Sources', '');
    for (const note of doc.notes) {
      const title = escapeMarkdown(note.title);
      const source = note.url
        ? `[${title}](<${note.url.replace(/[<>\s]/g, encodeURIComponent)}>)`
        : title;
      const quotes = note.quotes.map((q) => `“${escapeMarkdown(q)}”`).join('; ');
      out.push(
        `${note.number}. ${source} — captured ${formatDate(note.capturedAt)}${quotes ? `: ${quotes}` : ''}`,
      );
    }
    out.push('');
    // Reference definitions make each inline [n] a link to its source; invisible when rendered.
    for (const note of doc.notes) {
      if (note.url)
        out.push(`[${note.number}]: <${note.url.replace(/[<>\s]/g, encodeURIComponent)}>`);
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
