import { type ExportItem, oneLine } from './export-model';
import type { Badge, TextStyle } from './pdf-layout';

/** The PDF's colours, type scale and badges, shared by the page and the objection table. */

export const COLORS = {
  ink: '#1f2937',
  muted: '#6b7280',
  navy: '#1f3a5f',
  accent: '#2f6fb3',
  rule: '#d5dbe3',
  zebra: '#f5f7fa',
  white: '#ffffff',
};

export const STYLES = {
  body: { font: 'regular', size: 10, color: COLORS.ink, leading: 1.45 },
  small: { font: 'regular', size: 8.5, color: COLORS.muted, leading: 1.4 },
  heading: { font: 'bold', size: 13.5, color: COLORS.navy, leading: 1.3 },
  tableHead: { font: 'bold', size: 9, color: COLORS.white, leading: 1.3 },
  cell: { font: 'regular', size: 9.5, color: COLORS.ink, leading: 1.4 },
  quote: { font: 'regular', size: 8.5, color: '#4b5563', leading: 1.4 },
  noteTitle: { font: 'bold', size: 9, color: COLORS.ink, leading: 1.4 },
} satisfies Record<string, TextStyle>;

const INTERNAL: Badge = { label: 'INTERNAL ONLY', color: '#92400e', background: '#fdecc8' };
const STALE: Badge = { label: 'STALE', color: '#991b1b', background: '#fde2e2' };

export function badgesOf(item: ExportItem, showInternal: boolean): Badge[] {
  const badges: Badge[] = [];
  if (showInternal && item.internal) badges.push(INTERNAL);
  if (item.stale) badges.push(STALE);
  return badges;
}

/** `text [1, 3]`: the claim with the numbers of the endnotes it cites. */
export const withNoteRefs = (text: string, notes: number[]) =>
  notes.length ? `${oneLine(text)} [${notes.join(', ')}]` : oneLine(text);
