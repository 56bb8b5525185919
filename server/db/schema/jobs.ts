import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/**
 * Our view of a background job: what the UI and API read (stage, percent, result).
 * pg-boss owns delivery (its own schema); this row is written in the same transaction as the
 * `send`, so a rolled-back caller leaves neither behind. `id` equals the pg-boss job id.
 */
export const jobRun = pgTable(
  'job_run',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    workspaceId: uuid('workspace_id'),
    idempotencyKey: text('idempotency_key').unique(),
    stage: text('stage').notNull().default('queued'),
    percent: integer('percent').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    result: jsonb('result'),
    error: text('error'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index('job_run_workspace_idx').on(t.workspaceId, t.createdAt)],
);
