import { z } from 'zod';
import { PersonRefSchema, plainText } from './pagination';

/** Our own offering, one per workspace: what every battlecard compares a competitor against. */
export const ProofPointSchema = z.strictObject({
  kind: z.enum(['customer', 'metric', 'award', 'quote']),
  text: plainText(1, 300),
});
export type ProofPoint = z.infer<typeof ProofPointSchema>;

export const ProductBodySchema = z.strictObject({
  name: plainText(2, 120),
  pitch: z.string().trim().max(300).default(''),
  capabilities: z.array(plainText(1, 200)).max(100).default([]),
  pricing: z.string().trim().max(5000).default(''),
  proofPoints: z.array(ProofPointSchema).max(100).default([]),
});
export type ProductBody = z.input<typeof ProductBodySchema>;

export const ProductSchema = z.object({
  name: z.string(),
  pitch: z.string(),
  capabilities: z.array(z.string()),
  pricing: z.string(),
  proofPoints: z.array(z.object({ kind: ProofPointSchema.shape.kind, text: z.string() })),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: PersonRefSchema.nullable(),
  /** False until someone has saved the profile; battlecards are weaker without it. */
  configured: z.boolean(),
  canEdit: z.boolean(),
});
export type Product = z.infer<typeof ProductSchema>;
