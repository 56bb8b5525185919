import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { decodeCursor, invalidCursor } from './pagination';

/**
 * Keyset helpers for cursors over timestamp and uuid columns. PostgreSQL keeps microseconds and
 * a JS Date only milliseconds, so a cursor built from a Date would skip or repeat rows that
 * share a millisecond: the cursor carries the column's exact text instead. Each part is checked
 * before it reaches SQL, so a tampered cursor is a 400 `invalid_cursor`, never a cast error.
 * The cursor itself is encoded and decoded in ./pagination.
 */

/** The exact value of a timestamptz column, as a cursor part: `2024-05-01T12:34:56.123456Z`. */
export const exactTimestamp = (column: PgColumn): SQL<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const EXACT_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A timestamp part of a decoded cursor, checked to be a real instant. */
export function cursorTimestamp(part: unknown): string {
  const match = typeof part === 'string' ? EXACT_TIMESTAMP.exec(part) : null;
  const seconds = match?.[1];
  // A shape-valid but impossible date (2024-02-31) would fail the cast in SQL.
  const date = seconds ? new Date(`${seconds}Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || !date.toISOString().startsWith(seconds!)) {
    throw invalidCursor();
  }
  return part as string;
}

/** A uuid part of a decoded cursor. */
export function cursorUuid(part: unknown): string {
  if (typeof part !== 'string' || !UUID.test(part)) throw invalidCursor();
  return part;
}

/** A text part of a decoded cursor. */
export function cursorText(part: unknown): string {
  if (typeof part !== 'string') throw invalidCursor();
  return part;
}

/** Rows after (ts, id) in `order by ts desc, id desc`. */
export const olderThan = (tsColumn: PgColumn, idColumn: PgColumn, ts: string, id: string): SQL =>
  sql`(${tsColumn}, ${idColumn}) < (${ts}::timestamptz, ${id}::uuid)`;

/**
 * Where the next page of a newest-first list starts: the rows after the cursor's
 * `[exactTimestamp(ts), id]` in `order by ts desc, id desc`; undefined on the first page.
 */
export function olderThanCursor(
  cursor: string | undefined,
  tsColumn: PgColumn,
  idColumn: PgColumn,
): SQL | undefined {
  const key = decodeCursor(cursor, 2);
  if (!key) return undefined;
  return olderThan(tsColumn, idColumn, cursorTimestamp(key[0]), cursorUuid(key[1]));
}

/** Escapes LIKE wildcards so user text matches literally (with the default `\` escape). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
