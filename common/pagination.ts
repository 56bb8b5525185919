import { z } from 'zod';

export const PAGE_LIMIT_MAX = 100;
export const PAGE_LIMIT_DEFAULT = 25;

/** `?cursor=&limit=` on every list endpoint. The cursor is opaque: pass back `nextCursor`. */
export const PageQuerySchema = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** A page of a list: `nextCursor` is null on the last page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Who did something, as lists and cards show it. */
export const PersonRefSchema = z.object({ id: z.uuid(), name: z.string() });
export type PersonRef = z.infer<typeof PersonRefSchema>;

/** Plain text for titles and names: trimmed, no control characters, no markup. */
export function plainText(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min, min === 1 ? 'is required' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[<>]/.test(s), 'must not contain < or > (no markup)')
    .refine(
      // Control characters other than tab and newlines: invisible in the UI, and a header risk.
      // eslint-disable-next-line no-control-regex
      (s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s),
      'must not contain control characters',
    );
}

/** An absolute http(s) URL. */
export const WebUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .pipe(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' }));
