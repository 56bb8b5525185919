import { z } from 'zod';
import {
  CHANGE_CLASSES,
  IGNORE_RULES_MAX,
  SOURCE_INTERVAL_DEFAULT_MINUTES,
  SOURCE_INTERVAL_MAX_MINUTES,
  SOURCE_INTERVAL_MIN_MINUTES,
  SOURCE_KINDS,
  SOURCE_STATUSES,
  regexProblem,
  selectorProblem,
} from './monitoring-values';
import { PageQuerySchema, PersonRefSchema, WebUrlSchema, pageSchema } from './pagination';

export const SourceKindSchema = z.enum(SOURCE_KINDS);
export const ChangeClassSchema = z.enum(CHANGE_CLASSES);

const SelectorSchema = z
  .string()
  .trim()
  .superRefine((s, ctx) => {
    const problem = selectorProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const PatternSchema = z.string().superRefine((s, ctx) => {
  const problem = regexProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** What is removed from a page before it is compared. */
export const IgnoreRulesSchema = z.strictObject({
  selectors: z.array(SelectorSchema).max(IGNORE_RULES_MAX).default([]),
  patterns: z.array(PatternSchema).max(IGNORE_RULES_MAX).default([]),
});
export type IgnoreRules = z.infer<typeof IgnoreRulesSchema>;

const IntervalSchema = z
  .number()
  .int()
  .min(SOURCE_INTERVAL_MIN_MINUTES, `must be at least ${SOURCE_INTERVAL_MIN_MINUTES} minutes`)
  .max(SOURCE_INTERVAL_MAX_MINUTES, 'must be at most a week');

const LabelSchema = z
  .string()
  .trim()
  .max(120)
  .refine((s) => !/[<>]/.test(s), 'must not contain < or > (no markup)');

export const CreateSourceBodySchema = z.strictObject({
  kind: SourceKindSchema.default('webpage'),
  url: WebUrlSchema,
  label: LabelSchema.default(''),
  selector: SelectorSchema.nullable().optional(),
  ignoreRules: IgnoreRulesSchema.default({ selectors: [], patterns: [] }),
  intervalMinutes: IntervalSchema.default(SOURCE_INTERVAL_DEFAULT_MINUTES),
  enabled: z.boolean().default(true),
});
export type CreateSourceBody = z.input<typeof CreateSourceBodySchema>;

export const UpdateSourceBodySchema = z.strictObject({
  url: WebUrlSchema.optional(),
  label: LabelSchema.optional(),
  selector: SelectorSchema.nullable().optional(),
  ignoreRules: IgnoreRulesSchema.optional(),
  intervalMinutes: IntervalSchema.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateSourceBody = z.input<typeof UpdateSourceBodySchema>;

export const SourceSchema = z.object({
  id: z.uuid(),
  competitorId: z.uuid(),
  kind: SourceKindSchema,
  url: z.string(),
  label: z.string(),
  selector: z.string().nullable(),
  ignoreRules: z.object({ selectors: z.array(z.string()), patterns: z.array(z.string()) }),
  intervalMinutes: z.number().int(),
  enabled: z.boolean(),
  status: z.enum(SOURCE_STATUSES),
  /** Said plainly, for people; `lastErrorCode` is stable (blocked_address, timeout, …). */
  lastError: z.string().nullable(),
  lastErrorCode: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  lastCheckedAt: z.iso.datetime().nullable(),
  lastChangedAt: z.iso.datetime().nullable(),
  nextCheckAt: z.iso.datetime(),
  /** True while a check is running. */
  checking: z.boolean(),
  changeCount: z.number().int(),
  createdAt: z.iso.datetime(),
  canEdit: z.boolean(),
});
export type Source = z.infer<typeof SourceSchema>;
export const SourceListSchema = z.object({ items: z.array(SourceSchema) });

export const CheckStartedSchema = z.object({ jobId: z.uuid() });

export const PreviewSourceBodySchema = z.strictObject({
  kind: SourceKindSchema.default('webpage'),
  url: WebUrlSchema,
  selector: SelectorSchema.nullable().optional(),
  ignoreRules: IgnoreRulesSchema.default({ selectors: [], patterns: [] }),
});
export type PreviewSourceBody = z.input<typeof PreviewSourceBodySchema>;

export const SourcePreviewSchema = z.object({
  /** The address that answered, after redirects. */
  url: z.string(),
  title: z.string(),
  contentType: z.string(),
  /** The start of the text that will be compared. */
  text: z.string(),
  wordCount: z.number().int(),
  /** Feeds: the newest items. */
  items: z.array(
    z.object({ title: z.string(), url: z.string().nullable(), publishedAt: z.string().nullable() }),
  ),
});
export type SourcePreview = z.infer<typeof SourcePreviewSchema>;

// ---- changes --------------------------------------------------------------------------------

export const PriceChangeSchema = z.object({
  label: z.string().nullable(),
  from: z.string(),
  to: z.string(),
});
export const DiffPartSchema = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
});
export type DiffPart = z.infer<typeof DiffPartSchema>;

export const ChangeSummarySchema = z.object({
  id: z.uuid(),
  competitor: PersonRefSchema,
  sourceId: z.uuid().nullable(),
  url: z.string(),
  class: ChangeClassSchema,
  importance: z.number().min(0).max(1),
  summary: z.string(),
  priceChanges: z.array(PriceChangeSchema),
  added: z.number().int(),
  removed: z.number().int(),
  staleClaims: z.number().int(),
  detectedAt: z.iso.datetime(),
  /** Per person. */
  read: z.boolean(),
  /** For the whole workspace. */
  dismissed: z.boolean(),
});
export type ChangeSummary = z.infer<typeof ChangeSummarySchema>;

export const StaleClaimRefSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  /** Still stale (an editor may have reviewed it since). */
  stale: z.boolean(),
  battlecard: z.object({ id: z.uuid(), title: z.string() }),
});
export type StaleClaimRef = z.infer<typeof StaleClaimRefSchema>;

export const ChangeSchema = ChangeSummarySchema.extend({
  diff: z.array(DiffPartSchema),
  /** The claims this change turned stale (those still on a card). */
  staleClaimList: z.array(StaleClaimRefSchema),
  engine: z.string(),
  beforeEvidenceId: z.uuid().nullable(),
  afterEvidenceId: z.uuid().nullable(),
});
export type Change = z.infer<typeof ChangeSchema>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ListChangesQuerySchema = PageQuerySchema.extend({
  competitorId: z.uuid().optional(),
  class: ChangeClassSchema.optional(),
  minImportance: z.coerce.number().min(0).max(1).optional(),
  unread: booleanQuery.optional(),
  /** Dismissed changes are hidden unless asked for. */
  dismissed: booleanQuery.optional(),
});
export const ChangePageSchema = pageSchema(ChangeSummarySchema);

export const IgnoreLineBodySchema = z.strictObject({
  /** A line the change added or removed, as the diff view shows it. */
  line: z.string().trim().min(1).max(5_000),
});
export const IgnoreLineResultSchema = z.object({
  sourceId: z.uuid(),
  /** The ignore pattern added to the source (or already there). */
  pattern: z.string(),
  ignoreRules: z.object({ selectors: z.array(z.string()), patterns: z.array(z.string()) }),
});
export type IgnoreLineResult = z.infer<typeof IgnoreLineResultSchema>;

export const MonitoringSettingsSchema = z.object({
  /** Changes at or above this importance are announced live. */
  changeAlertThreshold: z.number().min(0).max(1),
});
export const UpdateMonitoringSettingsBodySchema = z.strictObject({
  changeAlertThreshold: z.number().min(0).max(1),
});
