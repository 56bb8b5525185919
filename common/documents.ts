import { z } from 'zod';
import { PageQuerySchema, PersonRefSchema, pageSchema, plainText } from './pagination';
import { DOCUMENT_FORMATS, DOCUMENT_STATUSES } from './document-values';

export const DocumentFormatSchema = z.enum(DOCUMENT_FORMATS);
export type DocumentFormat = z.infer<typeof DocumentFormatSchema>;
export const DocumentStatusSchema = z.enum(DOCUMENT_STATUSES);
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;

/** The multipart text fields of `POST /documents` (the file itself is the `file` part). */
export const UploadFieldsSchema = z.strictObject({
  competitorId: z.uuid().optional(),
  title: plainText(1, 300).optional(),
});

export const UpdateDocumentBodySchema = z.strictObject({
  title: plainText(1, 300).optional(),
  /** Linking a ready document to a competitor turns its text into that competitor's evidence. */
  competitorId: z.uuid().nullable().optional(),
});

export const DocumentSummarySchema = z.object({
  id: z.uuid(),
  competitorId: z.uuid().nullable(),
  title: z.string(),
  /** The name the file had on the uploader's machine, sanitized; metadata only. */
  originalName: z.string(),
  format: DocumentFormatSchema,
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  status: DocumentStatusSchema,
  /** Why extraction failed, for people. */
  error: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  wordCount: z.number().int().nullable(),
  /** ISO 639-1 code, or null when the text is too short or too mixed to tell. */
  language: z.string().nullable(),
  /** The evidence its text became (null until ready, or without a competitor). */
  evidenceId: z.uuid().nullable(),
  /** Claims citing that evidence: deleting the document marks them stale. */
  citedBy: z.number().int(),
  jobId: z.uuid().nullable(),
  createdBy: PersonRefSchema.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const DocumentSchema = DocumentSummarySchema.extend({
  /** The first few thousand characters of the extracted text; show it as text, never HTML. */
  preview: z.string(),
  /** Characters of extracted text in all (the preview and the evidence may hold fewer). */
  textLength: z.number().int(),
  /** The extracted text was longer than evidence holds and was cut. */
  truncated: z.boolean(),
  canEdit: z.boolean(),
});
export type Document = z.infer<typeof DocumentSchema>;

export const UploadResultSchema = DocumentSchema.extend({
  /** True when the same bytes were already in the workspace: this is that document. */
  duplicate: z.boolean(),
});
export type UploadResult = z.infer<typeof UploadResultSchema>;

export const ListDocumentsQuerySchema = PageQuerySchema.extend({
  competitorId: z.uuid().optional(),
  status: DocumentStatusSchema.optional(),
});
export const DocumentPageSchema = pageSchema(DocumentSummarySchema);

export const DeleteDocumentQuerySchema = z.strictObject({
  /**
   * Keep the evidence the document became (claims citing it stay intact). By default the
   * evidence goes too, and claims citing it lose the citation and are marked stale.
   */
  keepEvidence: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const StorageUsageSchema = z.object({
  usedBytes: z.number().int(),
  quotaBytes: z.number().int(),
  uploadMaxBytes: z.number().int(),
  documents: z.number().int(),
});
export type StorageUsage = z.infer<typeof StorageUsageSchema>;
