import { z } from 'zod';
import { SEARCH_TYPES } from './search-types';

export * from './search-types';

export const SearchTypeSchema = z.enum(SEARCH_TYPES);
export type SearchType = z.infer<typeof SearchTypeSchema>;

export const SearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1, 'is required').max(200),
  /** Comma-separated subset of types; all when left out. */
  types: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .pipe(z.array(SearchTypeSchema))
    .optional(),
  competitorId: z.uuid().optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** A snippet as text pieces; `match` marks the words that matched (render as <mark>). */
export const SnippetSchema = z.array(z.object({ text: z.string(), match: z.boolean() }));
export type Snippet = z.infer<typeof SnippetSchema>;

export const SearchResultSchema = z.object({
  type: SearchTypeSchema,
  id: z.uuid(),
  title: z.string(),
  snippet: SnippetSchema,
  rank: z.number(),
  competitor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** For claims: the battlecard and section it belongs to. */
  battlecardId: z.uuid().nullable(),
  section: z.string().nullable(),
  /** Where the web app shows it, e.g. /battlecards/:id#claim-:claimId. */
  href: z.string(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SearchResponseSchema = z.object({
  items: z.array(SearchResultSchema),
  nextCursor: z.string().nullable(),
});
