import { z } from 'zod';
import { PageQuerySchema, PersonRefSchema, pageSchema, plainText } from './pagination';

export const DEAL_OUTCOMES = ['won', 'lost', 'no_decision'] as const;
export const DealOutcomeSchema = z.enum(DEAL_OUTCOMES);
export type DealOutcome = z.infer<typeof DealOutcomeSchema>;

export const DealObjectionInputSchema = z.strictObject({
  /** The objection claim of a battlecard this was, when it was one. */
  claimId: z.uuid().optional(),
  text: plainText(1, 500),
  responseUsed: z.string().trim().max(2000).optional(),
  effective: z.boolean().optional(),
});

export const CreateDealBodySchema = z.strictObject({
  competitorId: z.uuid(),
  name: plainText(1, 200).optional(),
  outcome: DealOutcomeSchema,
  /** In the workspace's currency; whole or with cents. */
  amount: z.number().min(0).max(1e12).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code such as USD')
    .default('USD'),
  closedAt: z.iso.datetime({ offset: true }).or(z.iso.date()),
  reasons: z.array(plainText(1, 200)).max(20).default([]),
  objections: z.array(DealObjectionInputSchema).max(50).default([]),
  notes: z.string().trim().max(5000).optional(),
});
export type CreateDealBody = z.input<typeof CreateDealBodySchema>;

export const DealSchema = z.object({
  id: z.uuid(),
  competitorId: z.uuid(),
  competitorName: z.string(),
  name: z.string().nullable(),
  outcome: DealOutcomeSchema,
  amount: z.number().nullable(),
  currency: z.string(),
  closedAt: z.iso.datetime(),
  reasons: z.array(z.string()),
  objections: z.array(
    z.object({
      claimId: z.uuid().nullable(),
      text: z.string(),
      responseUsed: z.string().nullable(),
      effective: z.boolean().nullable(),
    }),
  ),
  notes: z.string().nullable(),
  createdBy: PersonRefSchema.nullable(),
  createdAt: z.iso.datetime(),
});
export type Deal = z.infer<typeof DealSchema>;

export const ListDealsQuerySchema = PageQuerySchema.extend({
  competitorId: z.uuid().optional(),
  outcome: DealOutcomeSchema.optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});
export const DealPageSchema = pageSchema(DealSchema);

export const WinRateSchema = z.object({
  competitorId: z.uuid(),
  competitorName: z.string(),
  won: z.number().int(),
  lost: z.number().int(),
  noDecision: z.number().int(),
  /** won / (won + lost); null when no deal was decided. */
  winRate: z.number().nullable(),
});
export const WinRatesQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});
export const WinRateListSchema = z.object({ items: z.array(WinRateSchema) });
