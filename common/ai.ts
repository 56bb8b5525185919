import { z } from 'zod';
import { SECTION_KEYS } from './battlecard-sections';
import { plainText } from './pagination';

/** The AI pipeline's HTTP contracts: generation, the competitor profile, analysis, status. */

export const FACT_CATEGORY_VALUES = [
  'pricing',
  'feature',
  'integration',
  'compliance',
  'customer',
  'company',
  'strength',
  'weakness',
  'news',
] as const;

export const GenerateBodySchema = z.strictObject({
  competitorId: z.uuid(),
  /** Who the card is for ("Mid-market", "Enterprise healthcare"); becomes the card's segment. */
  productSegment: plainText(1, 80),
  /** What to lead with ("pricing", "security"): at most 10 short phrases. */
  focusAreas: z.array(plainText(1, 60)).max(10).default([]),
});
export type GenerateBody = z.input<typeof GenerateBodySchema>;

export const GenerationAcceptedSchema = z.object({
  battlecardId: z.uuid(),
  jobId: z.uuid(),
  status: z.literal('queued'),
});
export type GenerationAccepted = z.infer<typeof GenerationAcceptedSchema>;

export const RegenerateParamsSchema = z.strictObject({
  id: z.uuid(),
  section: z.enum(SECTION_KEYS),
});

export const RegenerateBodySchema = z
  .strictObject({
    /** Also replace claims people edited or verified (kept by default). */
    replaceEdited: z.boolean().default(false),
  })
  .default({ replaceEdited: false });

export const ProfileCitationViewSchema = z.object({
  evidenceId: z.uuid(),
  quote: z.string(),
  capturedAt: z.iso.datetime(),
  /** The evidence's title, when it still exists. */
  title: z.string().nullable(),
});

export const ProfileFactViewSchema = z.object({
  category: z.enum(FACT_CATEGORY_VALUES),
  value: z.string(),
  confidence: z.number().min(0).max(1),
  /** Facts sharing a non-null key disagree (two prices for one plan); newest first. */
  conflictKey: z.string().nullable(),
  conflicting: z.boolean(),
  latestAt: z.iso.datetime(),
  citations: z.array(ProfileCitationViewSchema),
});
export type ProfileFactView = z.infer<typeof ProfileFactViewSchema>;

export const CompetitorProfileViewSchema = z.object({
  competitorId: z.uuid(),
  overview: z.string(),
  updatedAt: z.iso.datetime(),
  engine: z.string(),
  model: z.string(),
  evidenceCount: z.number().int(),
  facts: z.array(ProfileFactViewSchema),
});
export type CompetitorProfileView = z.infer<typeof CompetitorProfileViewSchema>;

/** 50 kB of UTF-8, the most one synchronous analysis takes. */
export const ANALYZE_MAX_BYTES = 50 * 1024;

export const AnalyzeBodySchema = z.strictObject({
  content: z
    .string()
    .min(1, 'is required')
    .refine((s) => new TextEncoder().encode(s).length <= ANALYZE_MAX_BYTES, {
      message: `must be at most ${ANALYZE_MAX_BYTES / 1024} kB`,
    }),
  title: z.string().trim().max(500).optional(),
});

export const AnalyzeResultSchema = z.object({
  facts: z.array(
    z.object({
      category: z.enum(FACT_CATEGORY_VALUES),
      value: z.string(),
      confidence: z.number().min(0).max(1),
      quote: z.string(),
    }),
  ),
  engine: z.enum(['local', 'llm']),
  model: z.string(),
  fallbackReason: z.string().nullable(),
  cached: z.boolean(),
});
export type AnalyzeResult = z.infer<typeof AnalyzeResultSchema>;

export const AiStatusSchema = z.object({
  engine: z.enum(['local', 'llm']),
  provider: z.string(),
  model: z.string(),
  breaker: z.enum(['closed', 'open', 'half-open']).nullable(),
  active: z.number().int(),
  maxConcurrent: z.number().int(),
  /** Agent calls answered from the cache over the last 24 hours, 0..1; null before any. */
  cacheHitRate: z.number().min(0).max(1).nullable(),
  lastHour: z.object({ runs: z.number().int(), failures: z.number().int() }),
  requestsPerMinute: z.number().int(),
  dailyTokenBudget: z.number().int(),
  tokensUsedToday: z.number().int(),
});
export type AiStatus = z.infer<typeof AiStatusSchema>;
