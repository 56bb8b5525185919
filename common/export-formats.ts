/**
 * Battlecard export constants shared by server and web. No zod here: the web app imports
 * these values, and the zod schemas in exports.ts stay out of the browser bundle.
 */
export const EXPORT_FORMATS = ['pdf', 'docx', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `all`: everything the caller may see, internal claims marked; `shareable`: internal left out. */
export const EXPORT_AUDIENCES = ['all', 'shareable'] as const;
export type ExportAudience = (typeof EXPORT_AUDIENCES)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  pdf: 'PDF',
  docx: 'Word',
  md: 'Markdown',
};

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
};
