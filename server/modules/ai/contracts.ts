import { z } from 'zod';
import { FACT_CATEGORY_VALUES } from '../../../common/ai';
import { SECTION_KEYS } from '../../../common/battlecard-sections';
import { CHANGE_CLASSES } from '../../../common/monitoring-values';

/**
 * The four agents of the AI pipeline, as zod contracts. Both engines (local NLP and LLM)
 * implement exactly these inputs and outputs; the orchestrator validates every output against
 * them and drops any quote that is not an exact substring of its evidence.
 */

/** The categories of the HTTP contract (common/ai.ts), so API and agents never drift apart. */
export const FACT_CATEGORIES = FACT_CATEGORY_VALUES;
export const FactCategorySchema = z.enum(FACT_CATEGORIES);
export type FactCategory = z.infer<typeof FactCategorySchema>;

export { CHANGE_CLASSES };
export const ChangeClassSchema = z.enum(CHANGE_CLASSES);
export type ChangeClass = z.infer<typeof ChangeClassSchema>;

const EVIDENCE_KINDS = [
  'note',
  'webpage',
  'win_loss',
  'call_snippet',
  'document',
  'snapshot',
  'feed_item',
] as const;

const confidence = z.number().min(0).max(1);
const isoDate = z.iso.datetime({ offset: true });

// ── content_analysis: one evidence text → facts ────────────────────────────────────────────
export const ContentAnalysisInputSchema = z.object({
  text: z.string().max(200_000),
  title: z.string().max(500).optional(),
  kind: z.enum(EVIDENCE_KINDS).optional(),
  url: z.string().max(2048).optional(),
  publishedAt: isoDate.optional(),
});
export type ContentAnalysisInput = z.infer<typeof ContentAnalysisInputSchema>;

export const FactSchema = z.object({
  category: FactCategorySchema,
  /** The fact in a few words, normalised ("Pro plan: $49 per user per month", "SOC 2 Type II"). */
  value: z.string().min(1).max(300),
  confidence,
  /** An exact substring of the input text. */
  quote: z.string().min(1).max(1000),
});
export type Fact = z.infer<typeof FactSchema>;

export const ContentAnalysisOutputSchema = z.object({ facts: z.array(FactSchema).max(500) });
export type ContentAnalysisOutput = z.infer<typeof ContentAnalysisOutputSchema>;

// ── competitive_intelligence: all facts of a competitor → profile ─────────────────────────
export const EvidenceFactSchema = z.object({
  evidenceId: z.uuid(),
  evidenceKind: z.enum(EVIDENCE_KINDS),
  evidenceTitle: z.string().max(500),
  capturedAt: isoDate,
  publishedAt: isoDate.nullable(),
  fact: FactSchema,
});
export type EvidenceFact = z.infer<typeof EvidenceFactSchema>;

export const CompetitorRefSchema = z.object({
  name: z.string().max(120),
  website: z.string().max(2048).nullable(),
  summary: z.string().max(5000),
});
export type CompetitorRef = z.infer<typeof CompetitorRefSchema>;

export const CompetitiveIntelligenceInputSchema = z.object({
  competitor: CompetitorRefSchema,
  facts: z.array(EvidenceFactSchema).max(20_000),
});
export type CompetitiveIntelligenceInput = z.infer<typeof CompetitiveIntelligenceInputSchema>;

export const ProfileCitationSchema = z.object({
  evidenceId: z.uuid(),
  quote: z.string().min(1).max(1000),
  capturedAt: isoDate,
});
export type ProfileCitation = z.infer<typeof ProfileCitationSchema>;

export const ProfileFactSchema = z.object({
  category: FactCategorySchema,
  value: z.string().min(1).max(300),
  /** Merged confidence: rises with independent corroborating evidence. */
  confidence,
  /** Salience × recency; the list is sorted by it, highest first. */
  score: z.number().min(0),
  /** Newest evidence first. */
  citations: z.array(ProfileCitationSchema).min(1).max(50),
  /** Same non-null key = conflicting values for one thing (two prices for one plan), newest first. */
  conflictKey: z.string().max(200).nullable(),
  latestAt: isoDate,
});
export type ProfileFact = z.infer<typeof ProfileFactSchema>;

export const CompetitorProfileSchema = z.object({
  /** Two to four sentences a seller can read in ten seconds. */
  overview: z.string().max(2000),
  facts: z.array(ProfileFactSchema).max(2000),
});
export type CompetitorProfile = z.infer<typeof CompetitorProfileSchema>;

// ── battlecard_writer: profile + our product → claims per section ─────────────────────────
export const OurProductSchema = z.object({
  name: z.string().max(120),
  pitch: z.string().max(300),
  capabilities: z.array(z.string().max(200)).max(100),
  pricing: z.string().max(5000),
  proofPoints: z.array(z.object({ kind: z.string(), text: z.string().max(300) })).max(100),
});
export type OurProduct = z.infer<typeof OurProductSchema>;

export const SectionKeySchema = z.enum(SECTION_KEYS);

export const BattlecardWriterInputSchema = z.object({
  competitor: CompetitorRefSchema,
  profile: CompetitorProfileSchema,
  product: OurProductSchema,
  segment: z.string().max(120),
  focusAreas: z.array(z.string().max(120)).max(20),
  /** Only these sections (per-section regenerate); all when absent. */
  sections: z.array(SectionKeySchema).min(1).optional(),
});
export type BattlecardWriterInput = z.infer<typeof BattlecardWriterInputSchema>;

export const WriterClaimSchema = z.object({
  section: SectionKeySchema,
  text: z.string().min(1).max(2000),
  /** Objections only: what the seller says back. */
  response: z.string().max(2000).optional(),
  audience: z.enum(['internal', 'shareable']),
  confidence,
  citations: z
    .array(z.object({ evidenceId: z.uuid(), quote: z.string().min(1).max(1000) }))
    .min(1)
    .max(10),
});
export type WriterClaim = z.infer<typeof WriterClaimSchema>;

export const BattlecardWriterOutputSchema = z.object({
  claims: z.array(WriterClaimSchema).max(400),
  /** Sections left empty for want of evidence, with a note telling the team what to add. */
  emptySections: z.array(z.object({ section: SectionKeySchema, note: z.string().max(500) })),
});
export type BattlecardWriterOutput = z.infer<typeof BattlecardWriterOutputSchema>;

// ── change_summary: old text + new text → what changed ───────────────────────────────────
export const ChangeSummaryInputSchema = z.object({
  before: z.string().max(500_000),
  after: z.string().max(500_000),
  title: z.string().max(500).optional(),
  url: z.string().max(2048).optional(),
});
export type ChangeSummaryInput = z.infer<typeof ChangeSummaryInputSchema>;

export const PriceChangeSchema = z.object({
  /** What is priced ("Pro plan"), when it can be told. */
  label: z.string().max(200).nullable(),
  from: z.string().max(100),
  to: z.string().max(100),
});

export const ChangeSummaryOutputSchema = z.object({
  /** One or two sentences. */
  summary: z.string().min(1).max(600),
  class: ChangeClassSchema,
  importance: confidence,
  priceChanges: z.array(PriceChangeSchema).max(50),
});
export type ChangeSummaryOutput = z.infer<typeof ChangeSummaryOutputSchema>;

// ── the agents and the engines that run them ─────────────────────────────────────────────
export interface AgentIo {
  content_analysis: [ContentAnalysisInput, ContentAnalysisOutput];
  competitive_intelligence: [CompetitiveIntelligenceInput, CompetitorProfile];
  battlecard_writer: [BattlecardWriterInput, BattlecardWriterOutput];
  change_summary: [ChangeSummaryInput, ChangeSummaryOutput];
}
export type AgentName = keyof AgentIo;

export const AGENT_SCHEMAS = {
  content_analysis: { input: ContentAnalysisInputSchema, output: ContentAnalysisOutputSchema },
  competitive_intelligence: {
    input: CompetitiveIntelligenceInputSchema,
    output: CompetitorProfileSchema,
  },
  battlecard_writer: { input: BattlecardWriterInputSchema, output: BattlecardWriterOutputSchema },
  change_summary: { input: ChangeSummaryInputSchema, output: ChangeSummaryOutputSchema },
} as const;

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface AgentResult<O> {
  output: O;
  /** Which engine produced the output (an LLM engine may have fallen back to the local one). */
  engine: 'local' | 'llm';
  model: string;
  /** Why the local engine answered instead of the configured LLM (breaker open, budget, error). */
  fallbackReason?: string;
  /** LLM engines only. */
  usage?: TokenUsage;
  /** Items the engine produced but the trust checks dropped (bad quote, bad citation). */
  dropped: number;
}

/** One way of running every agent: the local NLP engine or an LLM provider. */
export interface Engine {
  readonly name: 'local' | 'llm';
  /** 'ringside-local' or the provider's model id. */
  readonly model: string;
  /** Bumped whenever an agent's behaviour changes, so cached results are not reused. */
  readonly versions: Record<AgentName, string>;
  run<A extends AgentName>(
    agent: A,
    input: AgentIo[A][0],
    signal?: AbortSignal,
  ): Promise<AgentResult<AgentIo[A][1]>>;
}
