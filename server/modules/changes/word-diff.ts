import { diffWords } from 'diff';
import type { DiffPartRow } from '../../db/schema';

/** Beyond this much text a word diff is not worth its time: show the two texts whole. */
const DIFF_TIMEOUT_MS = 1_500;

export interface WordDiff {
  parts: DiffPartRow[];
  /** Words added and removed. */
  added: number;
  removed: number;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function wordDiff(before: string, after: string): WordDiff {
  const changes = diffWords(before, after, { timeout: DIFF_TIMEOUT_MS }) as
    { added?: boolean; removed?: boolean; value: string }[] | undefined;
  const parts: DiffPartRow[] = changes
    ? changes.map((c) => ({
        op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
        text: c.value,
      }))
    : [
        { op: 'delete', text: before },
        { op: 'insert', text: after },
      ];
  let added = 0;
  let removed = 0;
  for (const part of parts) {
    if (part.op === 'insert') added += words(part.text);
    if (part.op === 'delete') removed += words(part.text);
  }
  return { parts, added, removed };
}
