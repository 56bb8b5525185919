import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Column helpers shared by every area's tables. */
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** A generated full-text column (drizzle has no tsvector type). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
