import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { workspaceRef } from './accounts';
import { competitor, battlecard } from './core';

/**
 * The durable copy of every agent call's output, keyed by sha256(agent, agent version, engine,
 * model, canonical input). The in-process/Redis cache sits in front; this survives restarts.
 */
export const aiCallCache = pgTable(
  'ai_call_cache',
  {
    key: text('key').primaryKey(),
    agent: text('agent').notNull(),
    engine: text('engine').notNull(),
    model: text('model').notNull(),
    output: jsonb('output').notNull(),
    createdAt: createdAt(),
    usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ai_call_cache_used_idx').on(t.usedAt)],
);

/** One generation, regeneration or analysis: what ran, how long, what it cost, what it wrote. */
export const aiRun = pgTable(
  'ai_run',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    battlecardId: uuid('battlecard_id').references(() => battlecard.id, { onDelete: 'set null' }),
    jobId: uuid('job_id'),
    kind: text('kind', { enum: ['generate', 'regenerate', 'analyze', 'summarize'] }).notNull(),
    engine: text('engine').notNull(),
    model: text('model').notNull(),
    fallbackReason: text('fallback_reason'),
    status: text('status', { enum: ['running', 'completed', 'failed'] })
      .notNull()
      .default('running'),
    durationMs: integer('duration_ms'),
    tokensIn: integer('tokens_in').notNull().default(0),
    tokensOut: integer('tokens_out').notNull().default(0),
    cacheHits: integer('cache_hits').notNull().default(0),
    cacheMisses: integer('cache_misses').notNull().default(0),
    claimsWritten: integer('claims_written').notNull().default(0),
    claimsDropped: integer('claims_dropped').notNull().default(0),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('ai_run_workspace_started_idx').on(t.workspaceId, t.startedAt),
    index('ai_run_started_idx').on(t.startedAt),
  ],
);

/** The latest competitive_intelligence profile of a competitor, with what it was built from. */
export const competitorProfile = pgTable('competitor_profile', {
  competitorId: uuid('competitor_id')
    .primaryKey()
    .references(() => competitor.id, { onDelete: 'cascade' }),
  workspaceId: workspaceRef(),
  profile: jsonb('profile').notNull(),
  /** sha256 over the (id, content hash) of the evidence the profile was built from. */
  evidenceFingerprint: text('evidence_fingerprint').notNull(),
  engine: text('engine').notNull(),
  model: text('model').notNull(),
  updatedAt: updatedAt(),
});
