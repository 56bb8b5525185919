/**
 * The PDF's layout primitives. Text is wrapped into lines here, measured with the embedded
 * font, and drawn one line at a time at positions computed here — never left to pdfkit's own
 * flow, whose automatic page breaks would tear a two-column table row apart. So every block
 * knows its height before it is drawn, a heading can be kept with what follows it, and a row
 * taller than a page continues on the next one with the table header repeated.
 */

export type Font = 'regular' | 'bold';

export interface TextStyle {
  font: Font;
  size: number;
  color: string;
  /** Line height as a multiple of the size. */
  leading?: number;
}

/** A small coloured label drawn before a block's first line ("INTERNAL ONLY", "STALE"). */
export interface Badge {
  label: string;
  color: string;
  background: string;
}

/** Wrapped text ready to draw: its lines, and the room the badges take on the first line. */
export interface TextBlock {
  style: TextStyle;
  lines: string[];
  badges: Badge[];
  badgeWidth: number;
  lineHeight: number;
}

export const BADGE_SIZE = 6.5;
const BADGE_PAD_X = 3.5;
const BADGE_GAP = 4;

/** The pdfkit document, as the layout uses it. */
export type Doc = PDFKit.PDFDocument;

export function useStyle(doc: Doc, style: TextStyle): Doc {
  return doc.font(style.font).fontSize(style.size).fillColor(style.color);
}

// Ideographs, kana and Hangul break anywhere; other scripts break at spaces.
const CJK = '\\u2e80-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff00-\\uffef';
const TOKENS = new RegExp(`\\s+|[${CJK}]|[^\\s${CJK}]+`, 'gu');

/**
 * Greedy line breaking at spaces (and between CJK characters); a word wider than the line —
 * a long URL, an unbroken string — is split by characters so nothing ever runs off the page.
 */
export function wrapText(
  doc: Doc,
  style: TextStyle,
  text: string,
  width: number,
  firstLineWidth = width,
): string[] {
  useStyle(doc, style);
  // Lines are measured as the sum of their words (each measured once): shaping a whole
  // candidate line again for every added word made a long card's layout quadratic.
  const widths = new Map<string, number>();
  const measure = (s: string) => {
    let w = widths.get(s);
    if (w === undefined) {
      w = doc.widthOfString(s);
      widths.set(s, w);
    }
    return w;
  };
  const space = measure(' ');
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let pendingSpace = false;
  const limit = () => (lines.length === 0 ? firstLineWidth : width);
  const push = () => {
    lines.push(line);
    line = '';
    lineWidth = 0;
    pendingSpace = false;
  };
  for (const token of text.match(TOKENS) ?? []) {
    if (/^\s+$/.test(token)) {
      pendingSpace = line.length > 0;
      continue;
    }
    const tokenWidth = measure(token);
    const gap = pendingSpace ? space : 0;
    if (lineWidth + gap + tokenWidth <= limit()) {
      line = pendingSpace ? `${line} ${token}` : `${line}${token}`;
      lineWidth += gap + tokenWidth;
      pendingSpace = false;
      continue;
    }
    if (line.length > 0) push();
    if (tokenWidth <= limit()) {
      line = token;
      lineWidth = tokenWidth;
      continue;
    }
    for (const char of token) {
      const charWidth = measure(char);
      if (line.length > 0 && lineWidth + charWidth > limit()) push();
      line += char;
      lineWidth += charWidth;
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

function badgeWidth(doc: Doc, badges: Badge[]): number {
  if (badges.length === 0) return 0;
  doc.font('bold').fontSize(BADGE_SIZE);
  return badges.reduce(
    (sum, b) => sum + doc.widthOfString(b.label) + 2 * BADGE_PAD_X + BADGE_GAP,
    0,
  );
}

export function layoutText(
  doc: Doc,
  style: TextStyle,
  text: string,
  width: number,
  badges: Badge[] = [],
): TextBlock {
  const reserved = badgeWidth(doc, badges);
  const lines = wrapText(doc, style, text, width, width - reserved);
  return {
    style,
    lines,
    badges,
    badgeWidth: reserved,
    lineHeight: style.size * (style.leading ?? 1.4),
  };
}

export const blockHeight = (block: TextBlock, lineCount = block.lines.length) =>
  lineCount * block.lineHeight;

/** Draws lines `from`..`to` of a block with its first drawn line's top at `y`. */
export function drawLines(
  doc: Doc,
  block: TextBlock,
  x: number,
  y: number,
  from = 0,
  to = block.lines.length,
): void {
  const { style, lineHeight } = block;
  // Centre the glyphs in the line box: pdfkit places text by the top of its own line.
  const inset = (lineHeight - style.size * 1.18) / 2;
  for (let i = from; i < to; i++) {
    const top = y + (i - from) * lineHeight;
    let left = x;
    if (i === 0 && block.badges.length > 0) {
      drawBadges(doc, block.badges, x, top + inset + style.size * 0.55);
      left += block.badgeWidth;
    }
    useStyle(doc, style).text(block.lines[i]!, left, top + inset, { lineBreak: false });
  }
}

/** Badges side by side, vertically centred on `middle`. */
function drawBadges(doc: Doc, badges: Badge[], x: number, middle: number): void {
  let left = x;
  doc.font('bold').fontSize(BADGE_SIZE);
  for (const badge of badges) {
    const w = doc.widthOfString(badge.label) + 2 * BADGE_PAD_X;
    const h = BADGE_SIZE + 4.5;
    doc.roundedRect(left, middle - h / 2, w, h, 2).fill(badge.background);
    doc
      .font('bold')
      .fontSize(BADGE_SIZE)
      .fillColor(badge.color)
      .text(badge.label, left + BADGE_PAD_X, middle - BADGE_SIZE * 0.6, {
        lineBreak: false,
        characterSpacing: 0.3,
      });
    left += w + BADGE_GAP;
  }
}

/**
 * The vertical cursor over pages. `ensure(h)` starts a new page unless `h` points fit below
 * the cursor; `onNewPage` lets a table redraw its header.
 */
export class Flow {
  y: number;
  onNewPage: (() => void) | undefined;

  constructor(
    readonly doc: Doc,
    readonly left: number,
    readonly width: number,
    readonly top: number,
    readonly bottom: number,
  ) {
    this.y = top;
  }

  get remaining(): number {
    return this.bottom - this.y;
  }

  get atPageTop(): boolean {
    return this.y <= this.top + 0.5;
  }

  /** The height of an empty page's body. */
  get pageHeight(): number {
    return this.bottom - this.top;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
    this.onNewPage?.();
  }

  /** True when it started a new page. */
  ensure(height: number): boolean {
    if (height <= this.remaining || this.atPageTop) return false;
    this.newPage();
    return true;
  }

  /** A paragraph-like block, split between pages at line boundaries when it must be. */
  drawBlock(block: TextBlock, x: number, keepTogether = true): void {
    const whole = blockHeight(block);
    // Short blocks move whole to the next page; long ones fill this page first.
    if (keepTogether && whole <= this.pageHeight / 3) this.ensure(whole);
    let from = 0;
    while (from < block.lines.length) {
      let fit = Math.floor(this.remaining / block.lineHeight);
      if (fit < 1) {
        this.newPage();
        fit = Math.floor(this.remaining / block.lineHeight);
      }
      const to = Math.min(block.lines.length, from + fit);
      drawLines(this.doc, block, x, this.y, from, to);
      this.y += (to - from) * block.lineHeight;
      from = to;
    }
  }
}
