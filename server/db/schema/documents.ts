import {
  customType,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { user, workspaceRef } from './accounts';
import { competitor } from './core';

/** Raw bytes as PostgreSQL bytea (blobs live in the database up to the upload limit). */
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * An uploaded file. Its format is decided from its bytes; the original name is kept only as
 * sanitized metadata. The bytes live in `document_blob` so lists never load them.
 */
export const document = pgTable(
  'document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    competitorId: uuid('competitor_id').references(() => competitor.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    originalName: text('original_name').notNull(),
    /** Server-generated name used for downloads' storage identity: `<id>.<ext>`. */
    storedName: text('stored_name').notNull(),
    format: text('format', {
      enum: ['pdf', 'docx', 'html', 'markdown', 'csv', 'text'],
    }).notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** sha256 of the bytes, hex; the same bytes twice in a workspace are one document. */
    sha256: text('sha256').notNull(),
    status: text('status', { enum: ['queued', 'extracting', 'ready', 'failed'] })
      .notNull()
      .default('queued'),
    error: text('error'),
    pageCount: integer('page_count'),
    wordCount: integer('word_count'),
    language: text('language'),
    /** Extracted text (capped at the evidence limit); null until extracted. */
    text: text('text'),
    textLength: integer('text_length').notNull().default(0),
    jobId: uuid('job_id'),
    createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    extractedAt: timestamp('extracted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('document_workspace_sha256_key').on(t.workspaceId, t.sha256),
    index('document_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('document_competitor_created_idx').on(t.competitorId, t.createdAt),
  ],
);

export const documentBlob = pgTable('document_blob', {
  documentId: uuid('document_id')
    .primaryKey()
    .references(() => document.id, { onDelete: 'cascade' }),
  bytes: bytea('bytes').notNull(),
});
