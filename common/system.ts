import { z } from 'zod';

const CheckStatusSchema = z.enum(['up', 'down']);

export const DetailedHealthSchema = z.object({
  status: z.enum(['healthy', 'degraded', 'unhealthy']),
  version: z.string(),
  mode: z.enum(['embedded', 'scale']),
  uptimeSeconds: z.number().int(),
  checks: z.object({
    database: z.object({
      status: CheckStatusSchema,
      kind: z.enum(['pglite', 'postgres']),
      latencyMs: z.number().optional(),
      error: z.string().optional(),
    }),
    migrations: z.object({
      status: CheckStatusSchema,
      applied: z.number().int(),
      expected: z.number().int(),
    }),
    cache: z.object({
      status: CheckStatusSchema,
      kind: z.enum(['memory', 'redis']),
      hits: z.number().int(),
      misses: z.number().int(),
      error: z.string().optional(),
    }),
    pubsub: z.object({
      status: CheckStatusSchema,
      kind: z.enum(['memory', 'redis']),
      error: z.string().optional(),
    }),
    queue: z.object({
      status: CheckStatusSchema,
      depth: z.record(z.string(), z.number().int()),
      error: z.string().optional(),
    }),
    ai: z.object({
      status: CheckStatusSchema,
      engine: z.enum(['local', 'llm']),
      provider: z.string(),
      model: z.string().nullable(),
    }),
  }),
});
export type DetailedHealth = z.infer<typeof DetailedHealthSchema>;

export const ReadinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  reason: z.string().optional(),
});

export const LivenessSchema = z.object({ status: z.literal('ok') });

/** Public facts about this server that the web app needs before anyone signs in. */
export const MetaSchema = z.object({
  name: z.literal('Ringside'),
  version: z.string(),
  mode: z.enum(['embedded', 'scale']),
  signupAllowed: z.boolean(),
});
export type Meta = z.infer<typeof MetaSchema>;
