import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Column helpers shared by every area's tables. */
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** A generated full-text column (drizzle has no tsvector type). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Storage options of the full-text (GIN) indexes. With GIN's default fast update, new rows
 * wait in an unsorted pending list that every search reads in full until a vacuum merges it;
 * PGlite runs no autovacuum, and on PostgreSQL a busy table keeps a list between vacuums.
 * Measured on the bench corpus: a 256-page pending list made the claim lookup 13 ms instead
 * of 0.2 ms. Rows are written far less often than searched, so they go into the index at once.
 */
export const SEARCH_INDEX_OPTIONS = { fastupdate: false };
