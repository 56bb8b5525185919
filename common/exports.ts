import { z } from 'zod';
import { EXPORT_AUDIENCES, EXPORT_FORMATS } from './export-formats';

// Constants live in a zod-free file so the web app can import them without bundling zod.
export * from './export-formats';

export const ExportParamsSchema = z.object({
  id: z.uuid(),
  format: z.enum(EXPORT_FORMATS),
});

export const ExportQuerySchema = z.strictObject({
  /** `shareable` leaves out internal-only claims; the default keeps them, marked. */
  audience: z.enum(EXPORT_AUDIENCES).default('all'),
  /** A published version; left out: the copy the caller reads on opening the card. */
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;
