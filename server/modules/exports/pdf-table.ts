import { type ExportItem, oneLine } from './export-model';
import { COLORS, STYLES, badgesOf, withNoteRefs } from './pdf-theme';
import {
  type Doc,
  type Flow,
  type TextBlock,
  blockHeight,
  drawLines,
  layoutText,
} from './pdf-layout';

/**
 * Objections and responses as a two-column table that flows across pages: the header row
 * repeats on every page the table reaches, a row that fits on a page is never split, and a row
 * taller than a page is split at line boundaries with both columns continuing side by side.
 */

const PAD_X = 8;
const PAD_Y = 6;
/** The objection column's share of the width; the response, usually longer, gets the rest. */
const LEFT_SHARE = 0.42;

interface Row {
  cells: [TextBlock, TextBlock];
  zebra: boolean;
}

function columns(flow: Flow): [number, number] {
  const left = Math.round(flow.width * LEFT_SHARE);
  return [left, flow.width - left];
}

function rowsOf(doc: Doc, flow: Flow, items: ExportItem[], showInternal: boolean): Row[] {
  const [leftWidth, rightWidth] = columns(flow);
  return items.map((item, i) => ({
    zebra: i % 2 === 1,
    cells: [
      layoutText(
        doc,
        STYLES.cell,
        withNoteRefs(item.text, item.notes),
        leftWidth - 2 * PAD_X,
        badgesOf(item, showInternal),
      ),
      layoutText(
        doc,
        item.response ? STYLES.cell : { ...STYLES.cell, color: COLORS.muted },
        item.response ? oneLine(item.response) : 'No response yet.',
        rightWidth - 2 * PAD_X,
      ),
    ],
  }));
}

const rowHeight = (row: Row) => Math.max(...row.cells.map((c) => blockHeight(c))) + 2 * PAD_Y;

function drawHeader(doc: Doc, flow: Flow): void {
  const [leftWidth] = columns(flow);
  const head = (text: string, width: number) =>
    layoutText(doc, STYLES.tableHead, text, width - 2 * PAD_X);
  const cells = [head('OBJECTION', leftWidth), head('OUR RESPONSE', flow.width - leftWidth)];
  const height = Math.max(...cells.map((c) => blockHeight(c))) + 2 * 5;
  doc.rect(flow.left, flow.y, flow.width, height).fill(COLORS.navy);
  drawLines(doc, cells[0]!, flow.left + PAD_X, flow.y + 5);
  drawLines(doc, cells[1]!, flow.left + leftWidth + PAD_X, flow.y + 5);
  flow.y += height;
}

/** Lines `from`..`to` of both cells as one slice of the row, with its background and rules. */
function drawSlice(doc: Doc, flow: Flow, row: Row, from: number[], to: number[]): void {
  const [leftWidth] = columns(flow);
  const height =
    Math.max(...row.cells.map((cell, i) => (to[i]! - from[i]!) * cell.lineHeight)) + 2 * PAD_Y;
  if (row.zebra) doc.rect(flow.left, flow.y, flow.width, height).fill(COLORS.zebra);
  row.cells.forEach((cell, i) => {
    const x = flow.left + (i === 0 ? 0 : leftWidth) + PAD_X;
    drawLines(doc, cell, x, flow.y + PAD_Y, from[i], to[i]);
  });
  const bottom = flow.y + height;
  doc.lineWidth(0.5).strokeColor(COLORS.rule);
  doc
    .moveTo(flow.left, bottom)
    .lineTo(flow.left + flow.width, bottom)
    .stroke();
  doc
    .moveTo(flow.left + leftWidth, flow.y)
    .lineTo(flow.left + leftWidth, bottom)
    .stroke();
  flow.y = bottom;
}

/**
 * `heading(keep)` draws the section's heading, keeping `keep` points after it on its page:
 * the header row and the first row (or as much of it as a page holds).
 */
export function drawObjectionTable(
  doc: Doc,
  flow: Flow,
  items: ExportItem[],
  showInternal: boolean,
  heading: (keep: number) => void,
): void {
  const rows = rowsOf(doc, flow, items, showInternal);
  const headerHeight = STYLES.tableHead.size * STYLES.tableHead.leading + 10;
  heading(
    headerHeight + Math.min(rowHeight(rows[0]!), 3 * rows[0]!.cells[0].lineHeight + 2 * PAD_Y),
  );
  drawHeader(doc, flow);
  flow.onNewPage = () => drawHeader(doc, flow);
  try {
    for (const row of rows) {
      const whole = rowHeight(row);
      // A row that fits on a fresh page is never split.
      if (whole <= flow.pageHeight - headerHeight) flow.ensure(whole);
      const from = [0, 0];
      const total = row.cells.map((c) => c.lines.length);
      while (from[0]! < total[0]! || from[1]! < total[1]!) {
        const room = flow.remaining - 2 * PAD_Y;
        const fits = row.cells.map((c) => Math.floor(room / c.lineHeight));
        if (Math.min(...fits) < 2) {
          flow.newPage();
          continue;
        }
        const to = row.cells.map((_, i) => Math.min(total[i]!, from[i]! + fits[i]!));
        drawSlice(doc, flow, row, from, to);
        from[0] = to[0]!;
        from[1] = to[1]!;
      }
    }
  } finally {
    flow.onNewPage = undefined;
  }
  flow.y += 4;
}
