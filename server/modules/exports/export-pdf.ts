import PDFDocument from 'pdfkit';
import {
  type ExportDocument,
  type ExportItem,
  type ExportNote,
  formatDate,
  markingNote,
  markingOf,
  metaLine,
  oneLine,
} from './export-model';
import { pdfFonts } from './pdf-fonts';
import {
  type Doc,
  Flow,
  type TextBlock,
  blockHeight,
  drawLines,
  layoutText,
  useStyle,
} from './pdf-layout';
import { drawObjectionTable } from './pdf-table';
import { COLORS, STYLES, badgesOf, withNoteRefs } from './pdf-theme';

/**
 * The printable battlecard: a title block with the competitor, segment, version, date and the
 * Internal/Shareable marking; sections in the card's order; objections as a two-column table;
 * citations as numbered endnotes with source, link and capture date; "Page n of N" on every
 * page. A4, generous margins, one embedded font family that covers Latin and CJK.
 */

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { x: 56, top: 60, bottom: 68 };

function titleBlock(doc: Doc, model: ExportDocument, flow: Flow): void {
  const width = PAGE.width - 2 * MARGIN.x;
  const marking = markingOf(model).toUpperCase();
  const shareable = model.audience === 'shareable';
  doc.font('bold').fontSize(8);
  const pillWidth = doc.widthOfString(marking) + 20;

  const competitor = layoutText(
    doc,
    { font: 'bold', size: 24, color: COLORS.white, leading: 1.2 },
    oneLine(model.competitor),
    width - pillWidth - 16,
  );
  const subtitle = layoutText(
    doc,
    { font: 'regular', size: 12, color: '#dbe6f3', leading: 1.35 },
    oneLine(model.title),
    width,
  );
  const bandTop = 0;
  const inner = 34;
  const bandHeight = inner + 14 + blockHeight(competitor) + 6 + blockHeight(subtitle) + 26;
  doc.rect(0, bandTop, PAGE.width, bandHeight).fill(COLORS.navy);
  doc.rect(0, bandTop + bandHeight, PAGE.width, 3).fill(COLORS.accent);

  doc
    .font('bold')
    .fontSize(8)
    .fillColor('#9fb8d6')
    .text('COMPETITIVE BATTLECARD', MARGIN.x, inner, { lineBreak: false, characterSpacing: 1.6 });
  let y = inner + 14;
  drawLines(doc, competitor, MARGIN.x, y);
  // The marking pill, top right, level with the competitor's name.
  const pillX = PAGE.width - MARGIN.x - pillWidth;
  doc.roundedRect(pillX, y + 6, pillWidth, 18, 9).fill(shareable ? '#d1fae5' : '#fdecc8');
  doc
    .font('bold')
    .fontSize(8)
    .fillColor(shareable ? '#065f46' : '#92400e')
    .text(marking, pillX + 10, y + 11, { lineBreak: false, characterSpacing: 0.8 });
  y += blockHeight(competitor) + 6;
  drawLines(doc, subtitle, MARGIN.x, y);

  flow.y = bandHeight + 18;
  const meta = layoutText(doc, { ...STYLES.small, size: 9 }, metaLine(model), width);
  flow.drawBlock(meta, MARGIN.x);
  const note = layoutText(
    doc,
    { ...STYLES.small, size: 9, color: COLORS.ink },
    markingNote(model),
    width,
  );
  flow.drawBlock(note, MARGIN.x);
  flow.y += 6;
}

/** Heading block for a section; drawn only once what follows it is sure to fit below. */
function headingBlock(doc: Doc, title: string, width: number): TextBlock {
  return layoutText(doc, STYLES.heading, title, width);
}

const HEADING_BEFORE = 16;
const HEADING_AFTER = 8;

/** Draws a section heading, moving it to the next page with `keep` points of what follows. */
export function drawHeading(flow: Flow, heading: TextBlock, keep: number): void {
  const needed = HEADING_BEFORE + blockHeight(heading) + HEADING_AFTER + keep;
  if (!flow.ensure(needed)) flow.y += HEADING_BEFORE;
  flow.drawBlock(heading, flow.left, false);
  flow.doc
    .moveTo(flow.left, flow.y + 2)
    .lineTo(flow.left + flow.width, flow.y + 2)
    .lineWidth(0.75)
    .strokeColor(COLORS.rule)
    .stroke();
  flow.y += HEADING_AFTER;
}

const BULLET_INDENT = 14;
const ITEM_GAP = 5;

function bulletBlocks(doc: Doc, item: ExportItem, width: number, showInternal: boolean) {
  const text = layoutText(
    doc,
    STYLES.body,
    withNoteRefs(item.text, item.notes),
    width - BULLET_INDENT,
    badgesOf(item, showInternal),
  );
  const reason =
    item.stale && item.staleReason
      ? layoutText(
          doc,
          STYLES.small,
          `Needs re-checking: ${oneLine(item.staleReason)}`,
          width - BULLET_INDENT,
        )
      : undefined;
  return { text, reason };
}

function drawBullets(doc: Doc, flow: Flow, items: ExportItem[], showInternal: boolean): void {
  items.forEach((item) => {
    const { text, reason } = bulletBlocks(doc, item, flow.width, showInternal);
    const whole = blockHeight(text) + (reason ? blockHeight(reason) : 0);
    if (whole <= flow.pageHeight / 3) flow.ensure(whole);
    // The bullet sits on the first line, wherever the block lands.
    const first = Math.min(blockHeight(text, 1), blockHeight(text));
    flow.ensure(first);
    doc.circle(flow.left + 4, flow.y + text.lineHeight / 2, 1.8).fill(COLORS.accent);
    flow.drawBlock(text, flow.left + BULLET_INDENT, false);
    if (reason) flow.drawBlock(reason, flow.left + BULLET_INDENT, false);
    flow.y += ITEM_GAP;
  });
}

function noteBlocks(doc: Doc, note: ExportNote, width: number) {
  const title = layoutText(doc, STYLES.noteTitle, oneLine(note.title), width);
  const source = layoutText(
    doc,
    STYLES.small,
    note.url
      ? `Captured ${formatDate(note.capturedAt)} · ${note.url}`
      : `Captured ${formatDate(note.capturedAt)}`,
    width,
  );
  const quotes = note.quotes.map((q) => layoutText(doc, STYLES.quote, `“${oneLine(q)}”`, width));
  return [title, source, ...quotes];
}

const NOTE_INDENT = 22;

function drawNotes(doc: Doc, flow: Flow, notes: ExportNote[]): void {
  const width = flow.width - NOTE_INDENT;
  const heading = headingBlock(doc, 'Sources', flow.width);
  const first = notes[0] ? noteBlocks(doc, notes[0], width) : [];
  drawHeading(
    flow,
    heading,
    first.reduce((h, b) => h + blockHeight(b), 0),
  );
  for (const note of notes) {
    const blocks = noteBlocks(doc, note, width);
    flow.ensure(blocks.reduce((h, b) => h + blockHeight(b), 0));
    const top = flow.y;
    useStyle(doc, STYLES.noteTitle)
      .fillColor(COLORS.accent)
      .text(`${note.number}.`, flow.left, top + 1, { lineBreak: false });
    for (const [i, block] of blocks.entries()) {
      const y = flow.y;
      flow.drawBlock(block, flow.left + NOTE_INDENT, false);
      // The source line links to the page it names.
      if (i === 1 && note.url && flow.y > y) {
        doc.link(flow.left + NOTE_INDENT, y, width, flow.y - y, note.url);
      }
    }
    flow.y += 6;
  }
}

/** "Acme · Mid-market · Internal" on the left, "Page 2 of 5" on the right, on every page. */
function drawFooters(doc: Doc, model: ExportDocument): void {
  const range = doc.bufferedPageRange();
  const y = PAGE.height - MARGIN.bottom + 26;
  const width = PAGE.width - 2 * MARGIN.x;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .moveTo(MARGIN.x, y - 8)
      .lineTo(PAGE.width - MARGIN.x, y - 8)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    const pageLabel = `Page ${i + 1} of ${range.count}`;
    useStyle(doc, STYLES.small);
    const labelWidth = doc.widthOfString(pageLabel);
    const left = layoutText(
      doc,
      STYLES.small,
      `${oneLine(model.competitor)} · ${oneLine(model.segment)} · ${markingOf(model)}`,
      width - labelWidth - 24,
    );
    drawLines(doc, left, MARGIN.x, y, 0, 1);
    useStyle(doc, STYLES.small).text(pageLabel, PAGE.width - MARGIN.x - labelWidth, y + 1, {
      lineBreak: false,
    });
  }
}

export async function renderPdf(model: ExportDocument): Promise<Buffer> {
  const fonts = pdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.x, right: MARGIN.x },
    bufferPages: true,
    info: {
      Title: oneLine(model.title),
      Subject: `${markingOf(model)} battlecard: ${oneLine(model.competitor)}`,
      Author: 'Ringside',
      Creator: 'Ringside',
    },
  });
  // A parsed fontkit font is accepted as is (pdfkit checks for `layout`); the types know only paths and bytes.
  doc.registerFont('regular', fonts.regular as never);
  doc.registerFont('bold', fonts.bold as never);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const flow = new Flow(
    doc,
    MARGIN.x,
    PAGE.width - 2 * MARGIN.x,
    MARGIN.top,
    PAGE.height - MARGIN.bottom,
  );
  titleBlock(doc, model, flow);
  const showInternal = model.audience === 'all';

  if (model.sections.length === 0) {
    flow.drawBlock(
      layoutText(doc, STYLES.body, 'This card has no claims for this audience yet.', flow.width),
      flow.left,
    );
  }
  for (const section of model.sections) {
    const heading = headingBlock(doc, section.title, flow.width);
    if (section.key === 'objections') {
      drawObjectionTable(doc, flow, section.items, showInternal, (keep) =>
        drawHeading(flow, heading, keep),
      );
    } else {
      const first = bulletBlocks(doc, section.items[0]!, flow.width, showInternal).text;
      drawHeading(flow, heading, Math.min(blockHeight(first), blockHeight(first, 3)));
      drawBullets(doc, flow, section.items, showInternal);
    }
  }
  if (model.notes.length > 0) drawNotes(doc, flow, model.notes);

  drawFooters(doc, model);
  doc.end();
  return done;
}
