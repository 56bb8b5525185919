import { IGNORE_RULE_MAX_LENGTH, LINE_END_LOOKAHEAD } from './monitoring-values';

/**
 * A word diff cut into lines, and the ignore pattern for one of them ("ignore this line" in the
 * diff view). Shared so the web app offers exactly the lines the API accepts.
 */

export interface DiffPartLike {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface DiffLine {
  parts: DiffPartLike[];
  /** The line as it was (null: the line is new). */
  before: string | null;
  /** The line as it is now (null: the line was removed). */
  after: string | null;
  changed: boolean;
}

/** Lines of a word diff; a line with only inserts did not exist before, and vice versa. */
export function diffLines(parts: readonly DiffPartLike[]): DiffLine[] {
  const lines: DiffPartLike[][] = [[]];
  for (const part of parts) {
    const pieces = part.text.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece) lines.at(-1)!.push({ op: part.op, text: piece });
    });
  }
  return lines
    .filter((l) => l.some((p) => p.text.trim()))
    .map((l) => {
      const has = (op: DiffPartLike['op']) => l.some((p) => p.op === op && p.text.trim());
      const text = (skip: DiffPartLike['op']) =>
        l
          .filter((p) => p.op !== skip)
          .map((p) => p.text)
          .join('')
          .trim();
      const onlyInserted = !has('equal') && !has('delete');
      const onlyDeleted = !has('equal') && !has('insert');
      return {
        parts: l,
        before: onlyInserted ? null : text('insert'),
        after: onlyDeleted ? null : text('delete'),
        changed: has('insert') || has('delete'),
      };
    });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const literal = (s: string) => escapeRegExp(s).replace(/\s+/g, '[ \\t]+');

/** Anchors that keep a line pattern to whole lines: after a line break (or the start), before one. */
const LINE_START = '(?:^|\\n)';
const LINE_END = LINE_END_LOOKAHEAD;
const ANY = '[^\\n]*';

/**
 * The ignore pattern for a changed line: when most of the line stayed the same, its unchanged
 * words literally and each changed run as "anything on this line" (so "Only 3 seats left" also
 * covers "Only 2 seats left"); otherwise the version the user picked (`text`), literally. Too
 * long a line is matched by its start. Null when nothing of the line would be literal.
 */
export function ignorePatternForLine(line: DiffLine, text: string): string | null {
  const runs: { literal: boolean; text: string }[] = [];
  const kept = line.parts
    .filter((p) => p.op === 'equal')
    .reduce((n, p) => n + p.text.trim().length, 0);
  const longest = Math.max(line.before?.length ?? 0, line.after?.length ?? 0);
  const modified = line.before !== null && line.after !== null && kept * 2 >= longest;
  const parts: DiffPartLike[] = modified ? line.parts : [{ op: 'equal', text }];
  for (const part of parts) {
    const isLiteral = !modified || part.op === 'equal';
    const last = runs.at(-1);
    if (last && last.literal === isLiteral) last.text += isLiteral ? part.text : '';
    else runs.push({ literal: isLiteral, text: isLiteral ? part.text : '' });
  }
  const pieces = runs.map((r, i) => {
    if (!r.literal) return ANY;
    let t = r.text;
    if (i === 0) t = t.trimStart();
    if (i === runs.length - 1) t = t.trimEnd();
    return t ? literal(t) : '';
  });
  if (!runs.some((r, i) => r.literal && pieces[i])) return null;
  const body = pieces.filter(Boolean).join('').replaceAll(`${ANY}${ANY}`, ANY);
  if (LINE_START.length + body.length + LINE_END.length <= IGNORE_RULE_MAX_LENGTH) {
    return `${LINE_START}${body}${LINE_END}`;
  }
  // Long lines: their first words, then the rest of the line.
  const first = text.trim();
  let prefix = '';
  for (const word of first.split(/\s+/)) {
    const next = prefix ? `${prefix}[ \\t]+${escapeRegExp(word)}` : escapeRegExp(word);
    if (LINE_START.length + next.length + ANY.length > IGNORE_RULE_MAX_LENGTH) break;
    prefix = next;
  }
  return prefix ? `${LINE_START}${prefix}${ANY}` : null;
}

/** The changed line of `lines` whose text (before or after) is `text`, if any. */
export function findChangedLine(lines: readonly DiffLine[], text: string): DiffLine | undefined {
  const wanted = text.replace(/\s+/g, ' ').trim();
  const same = (s: string | null) => s !== null && s.replace(/\s+/g, ' ') === wanted;
  return lines.find((l) => l.changed && (same(l.before) || same(l.after)));
}
