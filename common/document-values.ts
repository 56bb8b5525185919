/** Zod-free values about documents, importable by the web app. */

/** What a file is, decided from its bytes (never its name). */
export const DOCUMENT_FORMATS = ['pdf', 'docx', 'html', 'markdown', 'csv', 'text'] as const;
export type DocumentFormatValue = (typeof DOCUMENT_FORMATS)[number];

export const DOCUMENT_STATUSES = ['queued', 'extracting', 'ready', 'failed'] as const;
export type DocumentStatusValue = (typeof DOCUMENT_STATUSES)[number];

/** What the upload picker offers; the server still decides by content. */
export const DOCUMENT_ACCEPT = '.pdf,.docx,.txt,.md,.markdown,.html,.htm,.csv';

/** Stable error codes of `POST /documents`, for messages per file. */
export const UPLOAD_ERROR_CODES = [
  'file_missing',
  'empty_file',
  'file_too_large',
  'storage_quota_exceeded',
  'unsupported_media_type',
  'document_malformed',
  'document_encrypted',
  'archive_limits_exceeded',
] as const;
