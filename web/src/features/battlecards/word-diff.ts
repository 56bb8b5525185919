/**
 * A word-level diff for showing how a claim's wording changed between two versions.
 *
 * Texts are split into words, runs of whitespace and single punctuation marks; the longest
 * common subsequence of those tokens is kept and everything else is deleted or inserted.
 * Claims are short (≤ 2,000 characters), so the quadratic table is small; past a size cap
 * the whole text counts as replaced rather than stalling the page.
 */

export type DiffSegmentKind = 'equal' | 'delete' | 'insert';
export interface DiffSegment {
  kind: DiffSegmentKind;
  text: string;
}

/** Cells of the LCS table beyond which the diff gives up on detail. */
const MAX_CELLS = 4_000_000;

const TOKEN = /[\p{L}\p{N}_]+(?:['’][\p{L}\p{N}_]+)*|\s+|[^\s\p{L}\p{N}_]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function push(out: DiffSegment[], kind: DiffSegmentKind, text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last?.kind === kind) last.text += text;
  else out.push({ kind, text });
}

/** Token-level edit script via an LCS table over the differing middle part. */
function rawDiff(before: string[], after: string[]): DiffSegment[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }

  const out: DiffSegment[] = [];
  push(out, 'equal', before.slice(0, start).join(''));

  const a = before.slice(start, endBefore);
  const b = after.slice(start, endAfter);
  if (a.length * b.length > MAX_CELLS) {
    push(out, 'delete', a.join(''));
    push(out, 'insert', b.join(''));
  } else {
    // lengths[i][j]: LCS length of a[i..] and b[j..], in one flat array.
    const width = b.length + 1;
    const lengths = new Uint32Array((a.length + 1) * width);
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        lengths[i * width + j] =
          a[i] === b[j]
            ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
            : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
      }
    }
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) {
        push(out, 'equal', a[i] ?? '');
        i++;
        j++;
      } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
        push(out, 'delete', a[i] ?? '');
        i++;
      } else {
        push(out, 'insert', b[j] ?? '');
        j++;
      }
    }
    push(out, 'delete', a.slice(i).join(''));
    push(out, 'insert', b.slice(j).join(''));
  }

  push(out, 'equal', before.slice(endBefore).join(''));
  return out;
}

/**
 * Reads like an editor's markup: a lone space kept between two changes joins them, and within
 * each run of changes the deleted words come before the inserted ones.
 */
function tidy(raw: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    push(out, 'delete', deleted);
    push(out, 'insert', inserted);
    deleted = '';
    inserted = '';
  };
  raw.forEach((segment, index) => {
    if (segment.kind === 'delete') deleted += segment.text;
    else if (segment.kind === 'insert') inserted += segment.text;
    else {
      const next = raw[index + 1];
      const bridges =
        /^\s+$/.test(segment.text) && (deleted || inserted) && next && next.kind !== 'equal';
      if (bridges) {
        deleted += segment.text;
        inserted += segment.text;
      } else {
        flush();
        push(out, 'equal', segment.text);
      }
    }
  });
  flush();
  return out;
}

/** How `before` became `after`, word by word. Joining equal+delete gives `before`; equal+insert gives `after`. */
export function diffWords(before: string, after: string): DiffSegment[] {
  if (before === after) return before ? [{ kind: 'equal', text: before }] : [];
  return tidy(rawDiff(tokenize(before), tokenize(after)));
}
