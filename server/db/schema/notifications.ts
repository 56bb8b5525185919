import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ChangeClass } from '../../../common/monitoring-values';
import { createdAt, updatedAt } from './columns';
import { user, workspace, workspaceRef } from './accounts';
import { change } from './monitoring';

/** Workspace-wide noise rules besides the importance threshold (kept on `workspace`). */
export const notificationSettings = pgTable('notification_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspace.id, { onDelete: 'cascade' }),
  /** Change classes that are recorded but never notified (live, webhooks, digests). */
  mutedClasses: jsonb('muted_classes').$type<ChangeClass[]>().notNull().default([]),
  updatedAt: updatedAt(),
});

/**
 * Changes that passed the noise rules when they were detected: the ones pushed live and sent to
 * webhooks, and so the ones the bell and digests show (later rule changes do not rewrite them).
 */
export const notableChange = pgTable(
  'notable_change',
  {
    changeId: uuid('change_id')
      .primaryKey()
      .references(() => change.id, { onDelete: 'cascade' }),
    workspaceId: workspaceRef(),
    notifiedAt: createdAt(),
  },
  (t) => [index('notable_change_workspace_idx').on(t.workspaceId, t.notifiedAt)],
);

/** An outgoing webhook of a workspace: where, in which format, signed with which secret. */
export const webhook = pgTable(
  'webhook',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    format: text('format', { enum: ['slack', 'teams', 'generic'] }).notNull(),
    /** Kept in the clear because every delivery is signed with it; shown once, then only rotated. */
    secret: text('secret').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('webhook_workspace_idx').on(t.workspaceId, t.createdAt)],
);

/** One event sent to one webhook; its body is fixed at enqueue time so retries resend it. */
export const webhookDelivery = pgTable(
  'webhook_delivery',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhook.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    changeId: uuid('change_id').references(() => change.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'retrying', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('webhook_delivery_webhook_idx').on(t.webhookId, t.createdAt)],
);

/** One HTTP attempt of a delivery: the delivery log people read. */
export const webhookAttempt = pgTable(
  'webhook_attempt',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDelivery.id, { onDelete: 'cascade' }),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhook.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    outcome: text('outcome', { enum: ['delivered', 'retrying', 'failed'] }).notNull(),
    httpStatus: integer('http_status'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
    at: createdAt(),
  },
  (t) => [index('webhook_attempt_webhook_idx').on(t.webhookId, t.at)],
);

/** A person's digest choice in one workspace; no row = daily, in-app only. */
export const notificationPreference = pgTable(
  'notification_preference',
  {
    workspaceId: workspaceRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    digestFrequency: text('digest_frequency', { enum: ['none', 'daily', 'weekly'] })
      .notNull()
      .default('daily'),
    digestEmail: boolean('digest_email').notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);

/** A built digest: the notable changes of one period for one person, built once per period. */
export const digest = pgTable(
  'digest',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    frequency: text('frequency', { enum: ['daily', 'weekly'] }).notNull(),
    /** `daily:2026-11-26` or `weekly:2026-11-16` (the Monday): the idempotency key. */
    periodKey: text('period_key').notNull(),
    periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
    periodEnd: timestamp('period_end', { withTimezone: true }).notNull(),
    changeIds: jsonb('change_ids').$type<string[]>().notNull(),
    emailStatus: text('email_status', { enum: ['off', 'pending', 'sent', 'failed'] })
      .notNull()
      .default('off'),
    emailError: text('email_error'),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('digest_period_key').on(t.workspaceId, t.userId, t.periodKey),
    index('digest_user_idx').on(t.userId, t.workspaceId, t.createdAt),
  ],
);
