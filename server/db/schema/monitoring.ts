import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { user, workspaceRef } from './accounts';
import { competitor, evidence } from './core';

export interface IgnoreRulesRow {
  /** CSS selectors whose elements are removed before comparison. */
  selectors: string[];
  /** Regular expressions (source text, flags 'gi') whose matches are removed. */
  patterns: string[];
}

/** A web page or feed watched for one competitor. */
export const source = pgTable(
  'source',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    competitorId: uuid('competitor_id')
      .notNull()
      .references(() => competitor.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['webpage', 'feed'] }).notNull(),
    url: text('url').notNull(),
    label: text('label').notNull().default(''),
    /** Only this part of the page (webpage). */
    selector: text('selector'),
    ignoreRules: jsonb('ignore_rules')
      .$type<IgnoreRulesRow>()
      .notNull()
      .default({ selectors: [], patterns: [] }),
    intervalMinutes: integer('interval_minutes').notNull().default(360),
    enabled: boolean('enabled').notNull().default(true),
    status: text('status', { enum: ['pending', 'ok', 'failing', 'disabled'] })
      .notNull()
      .default('pending'),
    lastError: text('last_error'),
    lastErrorCode: text('last_error_code'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }),
    lastChangedAt: timestamp('last_changed_at', { withTimezone: true }),
    /** When the scheduler should enqueue it next (interval, or backoff after failures). */
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }).notNull().defaultNow(),
    etag: text('etag'),
    lastModified: text('last_modified'),
    /** sha256 of the normalised text of the last snapshot. */
    contentHash: text('content_hash'),
    /** The evidence row holding the last snapshot (webpage). */
    lastSnapshotId: uuid('last_snapshot_id').references((): AnyPgColumn => evidence.id, {
      onDelete: 'set null',
    }),
    /** A check holds the source until then, so two checks of one source never overlap. */
    checkingUntil: timestamp('checking_until', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('source_competitor_idx').on(t.competitorId, t.createdAt),
    index('source_due_idx').on(t.enabled, t.nextCheckAt),
    uniqueIndex('source_competitor_url_key').on(t.competitorId, t.kind, t.url),
  ],
);

/** Feed items already turned into evidence, so the next check does not add them again. */
export const sourceItem = pgTable(
  'source_item',
  {
    sourceId: uuid('source_id')
      .notNull()
      .references(() => source.id, { onDelete: 'cascade' }),
    /** The item's GUID, else its link. */
    itemKey: text('item_key').notNull(),
    evidenceId: uuid('evidence_id').references(() => evidence.id, { onDelete: 'set null' }),
    seenAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.itemKey] })],
);

export interface DiffPartRow {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}
export interface PriceChangeRow {
  label: string | null;
  from: string;
  to: string;
}

/** A detected difference between two snapshots of a source. */
export const change = pgTable(
  'change',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    competitorId: uuid('competitor_id')
      .notNull()
      .references(() => competitor.id, { onDelete: 'cascade' }),
    sourceId: uuid('source_id').references(() => source.id, { onDelete: 'set null' }),
    beforeEvidenceId: uuid('before_evidence_id').references(() => evidence.id, {
      onDelete: 'set null',
    }),
    afterEvidenceId: uuid('after_evidence_id').references(() => evidence.id, {
      onDelete: 'set null',
    }),
    /** Where it was seen, kept when the source is deleted. */
    url: text('url').notNull(),
    class: text('class', {
      enum: ['pricing', 'product', 'messaging', 'hiring', 'news', 'other'],
    }).notNull(),
    importance: real('importance').notNull(),
    summary: text('summary').notNull(),
    diff: jsonb('diff').$type<DiffPartRow[]>().notNull(),
    added: integer('added').notNull().default(0),
    removed: integer('removed').notNull().default(0),
    priceChanges: jsonb('price_changes').$type<PriceChangeRow[]>().notNull().default([]),
    /** Which engine summarised it. */
    engine: text('engine').notNull().default('local'),
    staleClaims: integer('stale_claims').notNull().default(0),
    /** The claims this change turned stale, for the "review" links. */
    staleClaimIds: jsonb('stale_claim_ids').$type<string[]>().notNull().default([]),
    /** Dismissed for the whole workspace (noise); read state is per person (change_read). */
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }),
    dismissedBy: uuid('dismissed_by').references(() => user.id, { onDelete: 'set null' }),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('change_workspace_detected_idx').on(t.workspaceId, t.detectedAt),
    index('change_competitor_detected_idx').on(t.competitorId, t.detectedAt),
  ],
);

/** Who has read which change: unread is personal. */
export const changeRead = pgTable(
  'change_read',
  {
    changeId: uuid('change_id')
      .notNull()
      .references(() => change.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    readAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.changeId, t.userId] })],
);
