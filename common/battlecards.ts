import { z } from 'zod';

// Constants live in a zod-free file so the web app can import them without bundling zod.
export * from './battlecard-sections';
import {
  AUDIENCES,
  BATTLECARD_STATUSES,
  CITATION_QUOTE_MAX,
  CLAIM_TEXT_MAX,
  SECTION_KEYS,
} from './battlecard-sections';
import { PageQuerySchema, PersonRefSchema, pageSchema, plainText } from './pagination';

export const SectionKeySchema = z.enum(SECTION_KEYS);

export const BattlecardStatusSchema = z.enum(BATTLECARD_STATUSES);
export const VisibilitySchema = z.enum(['workspace', 'private']);
export const AudienceSchema = z.enum(AUDIENCES);
export type Audience = z.infer<typeof AudienceSchema>;

/** What a claim cites: the quote must be an exact substring of that evidence's content. */
export const CitationInputSchema = z.strictObject({
  evidenceId: z.uuid(),
  quote: z
    .string()
    .min(3, 'must be at least 3 characters')
    .max(CITATION_QUOTE_MAX, `must be at most ${CITATION_QUOTE_MAX} characters`),
});
export type CitationInput = z.infer<typeof CitationInputSchema>;

export const CitationSchema = z.object({
  evidenceId: z.uuid(),
  quote: z.string(),
  url: z.string().nullable(),
  capturedAt: z.iso.datetime(),
  /** The cited evidence's title, so a popover can name the source. */
  title: z.string(),
});
export type Citation = z.infer<typeof CitationSchema>;

const ClaimTextSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(CLAIM_TEXT_MAX, `must be at most ${CLAIM_TEXT_MAX} characters`);

export const CreateClaimBodySchema = z.strictObject({
  section: SectionKeySchema,
  text: ClaimTextSchema,
  /** Objections only: what the seller answers. */
  response: ClaimTextSchema.optional(),
  audience: AudienceSchema.default('internal'),
  confidence: z.number().min(0).max(1).default(0.8),
  citations: z.array(CitationInputSchema).max(20).default([]),
  /** 0-based place in the section; the end when left out. */
  position: z.number().int().min(0).optional(),
});
export type CreateClaimBody = z.input<typeof CreateClaimBodySchema>;

export const UpdateClaimBodySchema = z.strictObject({
  text: ClaimTextSchema.optional(),
  response: ClaimTextSchema.nullable().optional(),
  audience: AudienceSchema.optional(),
  confidence: z.number().min(0).max(1).optional(),
  citations: z.array(CitationInputSchema).max(20).optional(),
  /** Move to another section (placed at its end unless `position` is given). */
  section: SectionKeySchema.optional(),
  position: z.number().int().min(0).optional(),
});
export type UpdateClaimBody = z.input<typeof UpdateClaimBodySchema>;

export const ReorderSectionBodySchema = z.strictObject({
  /** Every claim id of the section, exactly once, in the new order. */
  claimIds: z.array(z.uuid()).max(500),
});

export const MarkStaleBodySchema = z.strictObject({
  reason: z.string().trim().max(300).optional(),
});

export const ClaimSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  /** Present on objection claims: the answer a seller gives. */
  response: z.string().optional(),
  audience: AudienceSchema,
  confidence: z.number().min(0).max(1),
  stale: z.boolean(),
  staleReason: z.string().nullable(),
  verifiedBy: PersonRefSchema.nullable(),
  verifiedAt: z.iso.datetime().nullable(),
  citations: z.array(CitationSchema),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const SectionSchema = z.object({
  key: SectionKeySchema,
  title: z.string(),
  claims: z.array(ClaimSchema),
});
export type Section = z.infer<typeof SectionSchema>;

export const FreshnessSchema = z.object({
  /** fresh: nothing stale and evidence under 90 days old; stale: any stale claim. */
  status: z.enum(['fresh', 'aging', 'stale']),
  staleClaims: z.number().int(),
  /** Capture date of the newest evidence any claim cites. */
  newestEvidenceAt: z.iso.datetime().nullable(),
});
export type Freshness = z.infer<typeof FreshnessSchema>;

export const BattlecardPermissionsSchema = z.object({
  canEdit: z.boolean(),
  canPublish: z.boolean(),
  canDelete: z.boolean(),
});

const BattlecardFields = {
  id: z.uuid(),
  competitorId: z.uuid(),
  competitor: z.object({ id: z.uuid(), name: z.string(), logoUrl: z.string().nullable() }),
  segment: z.string(),
  title: z.string(),
  status: BattlecardStatusSchema,
  visibility: VisibilitySchema,
  owner: PersonRefSchema.nullable(),
  /** The latest published version; 0 before the first publish. */
  version: z.number().int(),
  publishedAt: z.iso.datetime().nullable(),
  /** True when the draft differs from the latest published version. */
  hasUnpublishedChanges: z.boolean(),
  freshness: FreshnessSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

export const BattlecardSummarySchema = z.object({
  ...BattlecardFields,
  claimCount: z.number().int(),
});
export type BattlecardSummary = z.infer<typeof BattlecardSummarySchema>;

/**
 * How the AI pipeline last wrote the card: engine and model, why it fell back to the local
 * engine, and the sections it left empty for want of evidence (with a note saying what to add).
 */
export const GenerationInfoSchema = z.object({
  engine: z.enum(['local', 'llm']).nullable(),
  model: z.string().nullable(),
  fallbackReason: z.string().nullable(),
  runId: z.uuid().nullable(),
  jobId: z.uuid().nullable(),
  generatedAt: z.iso.datetime().nullable(),
  emptySections: z.array(z.object({ section: SectionKeySchema, note: z.string() })),
  /** Why the last generation failed (the card's status is then `failed`). */
  error: z.string().nullable(),
});
export type GenerationInfo = z.infer<typeof GenerationInfoSchema>;

export const BattlecardSchema = z.object({
  ...BattlecardFields,
  sections: z.array(SectionSchema),
  /** Absent or null for a card nobody generated. */
  generatedBy: GenerationInfoSchema.nullable().optional(),
  permissions: BattlecardPermissionsSchema,
});
export type Battlecard = z.infer<typeof BattlecardSchema>;

/**
 * Which copy of a card GET /battlecards/:id returns. `published`: what sellers read — the
 * latest published version (a never-published card: its draft). `draft`: the working copy,
 * editors only. Left out: `draft` for editors and up, `published` for everyone else.
 */
export const CARD_VIEWS = ['published', 'draft'] as const;
export type CardView = (typeof CARD_VIEWS)[number];
export const CardViewQuerySchema = z.strictObject({ view: z.enum(CARD_VIEWS).optional() });

export const CreateBattlecardBodySchema = z.strictObject({
  competitorId: z.uuid(),
  segment: plainText(1, 80).default('General'),
  title: plainText(2, 160).optional(),
  visibility: VisibilitySchema.default('workspace'),
});
export type CreateBattlecardBody = z.input<typeof CreateBattlecardBodySchema>;

export const UpdateBattlecardBodySchema = z.strictObject({
  segment: plainText(1, 80).optional(),
  title: plainText(2, 160).optional(),
  visibility: VisibilitySchema.optional(),
  /** Archive or bring back; publishing has its own endpoint. */
  status: z.enum(['draft', 'archived']).optional(),
});

export const ListBattlecardsQuerySchema = PageQuerySchema.extend({
  competitorId: z.uuid().optional(),
  status: BattlecardStatusSchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export const BattlecardPageSchema = pageSchema(BattlecardSummarySchema);

export const PublishBodySchema = z.strictObject({
  note: z.string().trim().max(500).optional(),
});

export const BattlecardVersionSummarySchema = z.object({
  version: z.number().int(),
  note: z.string().nullable(),
  publishedAt: z.iso.datetime(),
  publishedBy: PersonRefSchema.nullable(),
  claimCount: z.number().int(),
});
export type BattlecardVersionSummary = z.infer<typeof BattlecardVersionSummarySchema>;

/** An immutable snapshot taken on publish. */
export const BattlecardVersionSchema = BattlecardVersionSummarySchema.extend({
  battlecardId: z.uuid(),
  title: z.string(),
  segment: z.string(),
  sections: z.array(SectionSchema),
});
export type BattlecardVersion = z.infer<typeof BattlecardVersionSchema>;

export const VersionListSchema = z.object({ items: z.array(BattlecardVersionSummarySchema) });

/** `from`/`to`: version numbers, or `draft` for the current unpublished state. */
const VersionRefSchema = z.union([z.literal('draft'), z.coerce.number().int().min(1)]);
export const DiffQuerySchema = z.strictObject({ from: VersionRefSchema, to: VersionRefSchema });

export const ClaimChangeSchema = z.object({
  claimId: z.uuid(),
  section: SectionKeySchema,
  before: ClaimSchema,
  after: ClaimSchema,
  /** Which fields differ: text, response, audience, confidence, citations, section, stale. */
  fields: z.array(z.string()),
});
export const DiffSchema = z.object({
  from: z.union([z.literal('draft'), z.number().int()]),
  to: z.union([z.literal('draft'), z.number().int()]),
  added: z.array(z.object({ section: SectionKeySchema, claim: ClaimSchema })),
  removed: z.array(z.object({ section: SectionKeySchema, claim: ClaimSchema })),
  changed: z.array(ClaimChangeSchema),
  /** Title or segment changes. */
  meta: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
});
export type BattlecardDiff = z.infer<typeof DiffSchema>;
