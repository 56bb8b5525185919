import { z } from 'zod';
import {
  PageQuerySchema,
  PersonRefSchema,
  WebUrlSchema,
  pageSchema,
  plainText,
} from './pagination';

export const COMPETITOR_TIERS = ['primary', 'secondary', 'emerging'] as const;
export const CompetitorTierSchema = z.enum(COMPETITOR_TIERS);
export type CompetitorTier = z.infer<typeof CompetitorTierSchema>;

const TagSchema = plainText(1, 40).transform((t) => t.toLowerCase());

export const CreateCompetitorBodySchema = z.strictObject({
  name: plainText(2, 120),
  website: WebUrlSchema.nullable().optional(),
  summary: z.string().trim().max(2000).default(''),
  tier: CompetitorTierSchema.default('secondary'),
  tags: z
    .array(TagSchema)
    .max(20)
    .default([])
    .transform((tags) => [...new Set(tags)]),
  logoUrl: WebUrlSchema.nullable().optional(),
});
export type CreateCompetitorBody = z.input<typeof CreateCompetitorBodySchema>;

export const UpdateCompetitorBodySchema = z.strictObject({
  name: plainText(2, 120).optional(),
  website: WebUrlSchema.nullable().optional(),
  summary: z.string().trim().max(2000).optional(),
  tier: CompetitorTierSchema.optional(),
  tags: z
    .array(TagSchema)
    .max(20)
    .transform((tags) => [...new Set(tags)])
    .optional(),
  logoUrl: WebUrlSchema.nullable().optional(),
});
export type UpdateCompetitorBody = z.input<typeof UpdateCompetitorBodySchema>;

export const CompetitorSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  website: z.string().nullable(),
  summary: z.string(),
  tier: CompetitorTierSchema,
  tags: z.array(z.string()),
  logoUrl: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  counts: z.object({
    evidence: z.number().int(),
    battlecards: z.number().int(),
    deals: z.number().int(),
  }),
  /** When the newest piece of evidence was captured (null when there is none). */
  lastEvidenceAt: z.iso.datetime().nullable(),
  /** won / (won + lost) over all recorded deals; null without decided deals. */
  winRate: z.number().min(0).max(1).nullable(),
});
export type Competitor = z.infer<typeof CompetitorSchema>;

export const ListCompetitorsQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  tier: CompetitorTierSchema.optional(),
  tag: z.string().trim().toLowerCase().max(40).optional(),
  sort: z.enum(['name', 'updated']).default('name'),
});
export const CompetitorPageSchema = pageSchema(CompetitorSchema);

// ---- evidence -------------------------------------------------------------------------------

/** Kinds a person can add by hand; documents and monitored sources add the others. */
export const MANUAL_EVIDENCE_KINDS = ['note', 'webpage', 'win_loss', 'call_snippet'] as const;
export const EVIDENCE_KINDS = [
  ...MANUAL_EVIDENCE_KINDS,
  'document',
  'snapshot',
  'feed_item',
] as const;
export const EvidenceKindSchema = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;

/** 200 kB of text. */
export const EVIDENCE_CONTENT_MAX = 200_000;

export const CreateEvidenceBodySchema = z.strictObject({
  kind: z.enum(MANUAL_EVIDENCE_KINDS),
  title: plainText(1, 300),
  content: z
    .string()
    .max(EVIDENCE_CONTENT_MAX, `must be at most ${EVIDENCE_CONTENT_MAX} characters`)
    .refine((s) => s.trim().length > 0, 'is required'),
  url: WebUrlSchema.nullable().optional(),
  publishedAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type CreateEvidenceBody = z.input<typeof CreateEvidenceBodySchema>;

export const EvidenceSummarySchema = z.object({
  id: z.uuid(),
  competitorId: z.uuid(),
  kind: EvidenceKindSchema,
  title: z.string(),
  /** The first few hundred characters, for lists. */
  excerpt: z.string(),
  url: z.string().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  capturedAt: z.iso.datetime(),
  contentHash: z.string(),
  wordCount: z.number().int(),
  createdBy: PersonRefSchema.nullable(),
  /** How many claims cite it. */
  citedBy: z.number().int(),
});
export type EvidenceSummary = z.infer<typeof EvidenceSummarySchema>;

export const EvidenceSchema = EvidenceSummarySchema.extend({
  /** Stored as given; show it as text, never as HTML. */
  content: z.string(),
  canDelete: z.boolean(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ListEvidenceQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  kind: EvidenceKindSchema.optional(),
  competitorId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
/** `GET /competitors/:id/evidence`: the same filters, the competitor given by the path. */
export const CompetitorEvidenceQuerySchema = ListEvidenceQuerySchema.omit({ competitorId: true });
export const EvidencePageSchema = pageSchema(EvidenceSummarySchema);
