import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { SEARCH_INDEX_OPTIONS, createdAt, updatedAt, tsvector } from './columns';
import { workspace, user, workspaceRef } from './accounts';
import { document } from './documents';
import { source } from './monitoring';

/** Our own offering, one row per workspace. */
export const product = pgTable('product', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspace.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  pitch: text('pitch').notNull().default(''),
  capabilities: jsonb('capabilities').$type<string[]>().notNull().default([]),
  pricing: text('pricing').notNull().default(''),
  proofPoints: jsonb('proof_points')
    .$type<{ kind: 'customer' | 'metric' | 'award' | 'quote'; text: string }[]>()
    .notNull()
    .default([]),
  updatedBy: uuid('updated_by').references(() => user.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
});

export const competitor = pgTable(
  'competitor',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    name: text('name').notNull(),
    /** lower(name): duplicate names in a workspace are refused by the unique index. */
    nameKey: text('name_key').notNull(),
    website: text('website'),
    summary: text('summary').notNull().default(''),
    tier: text('tier', { enum: ['primary', 'secondary', 'emerging'] })
      .notNull()
      .default('secondary'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    logoUrl: text('logo_url'),
    createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B')`,
    ),
  },
  (t) => [
    uniqueIndex('competitor_workspace_name_key').on(t.workspaceId, t.nameKey),
    index('competitor_workspace_updated_idx').on(t.workspaceId, t.updatedAt),
    index('competitor_search_idx').using('gin', t.search).with(SEARCH_INDEX_OPTIONS),
  ],
);

/** One piece of intel with its full text, stored as given. */
export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    competitorId: uuid('competitor_id')
      .notNull()
      .references(() => competitor.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      enum: ['note', 'webpage', 'win_loss', 'call_snippet', 'document', 'snapshot', 'feed_item'],
    }).notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    url: text('url'),
    /** sha256 of `content`, hex. */
    contentHash: text('content_hash').notNull(),
    wordCount: integer('word_count').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    capturedAt: timestamp('captured_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
    /** The uploaded document this text was extracted from (kind 'document'). */
    documentId: uuid('document_id').references((): AnyPgColumn => document.id, {
      onDelete: 'set null',
    }),
    /** The monitored source a snapshot or feed item came from. */
    sourceId: uuid('source_id').references((): AnyPgColumn => source.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, left(content, 100000)), 'B')`,
    ),
  },
  (t) => [
    index('evidence_competitor_captured_idx').on(t.competitorId, t.capturedAt),
    index('evidence_workspace_captured_idx').on(t.workspaceId, t.capturedAt),
    index('evidence_search_idx').using('gin', t.search).with(SEARCH_INDEX_OPTIONS),
    index('evidence_document_idx').on(t.documentId),
    index('evidence_source_idx').on(t.sourceId),
  ],
);

export const battlecard = pgTable(
  'battlecard',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    competitorId: uuid('competitor_id')
      .notNull()
      .references(() => competitor.id, { onDelete: 'cascade' }),
    segment: text('segment').notNull().default('General'),
    title: text('title').notNull(),
    status: text('status', {
      enum: ['draft', 'generating', 'published', 'archived', 'failed'],
    })
      .notNull()
      .default('draft'),
    visibility: text('visibility', { enum: ['workspace', 'private'] })
      .notNull()
      .default('workspace'),
    ownerId: uuid('owner_id').references(() => user.id, { onDelete: 'set null' }),
    /** The latest published version; 0 before the first publish. */
    version: integer('version').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Set by every edit of the card or its claims; compared with publishedAt. */
    contentUpdatedAt: timestamp('content_updated_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
    /** Which engine/model wrote it, when generated (AI pipeline). */
    generatedBy: jsonb('generated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(segment, '')), 'B')`,
    ),
  },
  (t) => [
    index('battlecard_workspace_updated_idx').on(t.workspaceId, t.updatedAt),
    index('battlecard_competitor_idx').on(t.competitorId),
    index('battlecard_search_idx').using('gin', t.search).with(SEARCH_INDEX_OPTIONS),
  ],
);

export interface CitationRow {
  evidenceId: string;
  quote: string;
}

/** One line of a battlecard section. */
export const claim = pgTable(
  'claim',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    battlecardId: uuid('battlecard_id')
      .notNull()
      .references(() => battlecard.id, { onDelete: 'cascade' }),
    section: text('section', {
      enum: [
        'overview',
        'strengths',
        'weaknesses',
        'how_we_win',
        'objections',
        'landmines',
        'pricing',
        'customers',
        'news',
        'talking_points',
      ],
    }).notNull(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    /** Objections only. */
    response: text('response'),
    audience: text('audience', { enum: ['internal', 'shareable'] })
      .notNull()
      .default('internal'),
    confidence: real('confidence').notNull().default(0.8),
    /** [{ evidenceId, quote }]; url, capture date and title are read from the evidence. */
    citations: jsonb('citations').$type<CitationRow[]>().notNull().default([]),
    stale: boolean('stale').notNull().default(false),
    staleReason: text('stale_reason'),
    verifiedBy: uuid('verified_by').references(() => user.id, { onDelete: 'set null' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    /**
     * Who wrote it last: `ai` (a generation) or `human` (added or edited through the claim
     * routes). Regeneration replaces `ai` claims and keeps `human` and verified ones.
     */
    origin: text('origin', { enum: ['ai', 'human'] })
      .notNull()
      .default('human'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(response, '')), 'B')`,
    ),
  },
  (t) => [
    index('claim_battlecard_idx').on(t.battlecardId, t.section, t.position),
    index('claim_citations_idx').using('gin', sql`${t.citations} jsonb_path_ops`),
    index('claim_search_idx').using('gin', t.search).with(SEARCH_INDEX_OPTIONS),
  ],
);

/** Immutable snapshot taken on publish. */
export const battlecardVersion = pgTable(
  'battlecard_version',
  {
    battlecardId: uuid('battlecard_id')
      .notNull()
      .references(() => battlecard.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    workspaceId: workspaceRef(),
    title: text('title').notNull(),
    segment: text('segment').notNull(),
    note: text('note'),
    /** The sections exactly as GET /battlecards/:id showed them at publish time. */
    sections: jsonb('sections').notNull(),
    claimCount: integer('claim_count').notNull(),
    publishedBy: uuid('published_by').references(() => user.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.battlecardId, t.version] })],
);

/** A win/loss record. */
export const deal = pgTable(
  'deal',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    competitorId: uuid('competitor_id')
      .notNull()
      .references(() => competitor.id, { onDelete: 'cascade' }),
    name: text('name'),
    outcome: text('outcome', { enum: ['won', 'lost', 'no_decision'] }).notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
    currency: text('currency').notNull().default('USD'),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
    objections: jsonb('objections')
      .$type<
        {
          claimId: string | null;
          text: string;
          responseUsed: string | null;
          effective: boolean | null;
        }[]
      >()
      .notNull()
      .default([]),
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('deal_workspace_closed_idx').on(t.workspaceId, t.closedAt),
    index('deal_competitor_idx').on(t.competitorId, t.outcome),
  ],
);
