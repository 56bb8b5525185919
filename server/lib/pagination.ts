import type { Page } from '../../common/pagination';
import { badRequest } from './errors';

/**
 * Keyset pagination: a cursor is the sort key of the last row shown (e.g. `[updatedAt, id]`),
 * base64url-encoded JSON. Opaque to clients; a tampered cursor is a 400, never a 500.
 */
export type CursorKey = (string | number | null)[];

/** The one answer to a cursor that is not one we gave out, whatever part of it is wrong. */
export const invalidCursor = () =>
  badRequest('invalid_cursor', 'The cursor is not valid: pass back a nextCursor as given.');

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor whose key has `length` parts; `undefined` means "first page". */
export function decodeCursor(cursor: string | undefined, length: number): CursorKey | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (
    !Array.isArray(key) ||
    key.length !== length ||
    !key.every((k) => k === null || typeof k === 'string' || typeof k === 'number')
  ) {
    throw invalidCursor();
  }
  return key as CursorKey;
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only says there is more.
 * `keyOf` gives the cursor key of a row (the same columns the query sorts by).
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => CursorKey,
  present: (row: Row) => Item,
): Page<Item> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return {
    items: shown.map(present),
    nextCursor: more && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
