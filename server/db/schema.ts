import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  customType,
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

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

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

export const ROLES = ['owner', 'admin', 'editor', 'viewer'] as const;

/** A tenant. Every business row carries its workspace id. */
export const workspace = pgTable('workspace', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** Monitoring: changes at or above this importance (0–1) are announced (`change.detected`). */
  changeAlertThreshold: real('change_alert_threshold').notNull().default(0.4),
  createdAt: createdAt(),
});

export const user = pgTable('user', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower-cased; unique across the installation. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  status: text('status', { enum: ['active', 'disabled'] })
    .notNull()
    .default('active'),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  createdAt: createdAt(),
});

export const membership = pgTable(
  'membership',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspace.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    index('membership_user_idx').on(t.userId),
  ],
);

/**
 * A refresh-token family: one sign-in on one device. Each refresh rotates the token; presenting
 * a token already used revokes the whole family (it was stolen or replayed).
 */
export const session = pgTable(
  'session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspace.id, { onDelete: 'cascade' }),
    userAgent: text('user_agent'),
    ip: text('ip'),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

export const refreshToken = pgTable(
  'refresh_token',
  {
    /** sha256 of the opaque token; the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => session.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('refresh_token_session_idx').on(t.sessionId)],
);

export const invite = pgTable(
  'invite',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspace.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('invite_workspace_idx').on(t.workspaceId, t.createdAt)],
);

/** Personal API keys for scripts: shown once, stored hashed, scoped to a workspace and role. */
export const apiKey = pgTable(
  'api_key',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspace.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** The first characters of the key, to recognise it in a list. */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_key_workspace_idx').on(t.workspaceId, t.userId)],
);

/** Append-only activity: security audit now, product analytics later. */
export const event = pgTable(
  'event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').references(() => workspace.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => user.id, { onDelete: 'set null' }),
    type: text('type').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    data: jsonb('data'),
    createdAt: createdAt(),
  },
  (t) => [
    index('event_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('event_type_idx').on(t.type),
    index('event_workspace_type_created_idx').on(t.workspaceId, t.type, t.createdAt),
  ],
);

// ---- the core product: our product, competitors, evidence, battlecards, deals --------------

/** A generated full-text column (drizzle has no tsvector type). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const workspaceRef = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspace.id, { onDelete: 'cascade' });

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
    index('competitor_search_idx').using('gin', t.search),
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
    index('evidence_search_idx').using('gin', t.search),
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
    index('battlecard_search_idx').using('gin', t.search),
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
    index('claim_search_idx').using('gin', t.search),
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

// ---- AI pipeline: agent-call cache, run records, competitor profiles -------------------------

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
    kind: text('kind', { enum: ['generate', 'regenerate', 'analyze'] }).notNull(),
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

// ---- documents: uploaded files, their bytes and extracted text ------------------------------

/** Raw bytes as PostgreSQL bytea (blobs live in the database up to the upload limit). */
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * An uploaded file. Its format is decided from its bytes; the original name is kept only as
 * sanitized metadata. The bytes live in `document_blob` so lists never load them.
 */
export const document = pgTable(
  'document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    competitorId: uuid('competitor_id').references(() => competitor.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    originalName: text('original_name').notNull(),
    /** Server-generated name used for downloads' storage identity: `<id>.<ext>`. */
    storedName: text('stored_name').notNull(),
    format: text('format', {
      enum: ['pdf', 'docx', 'html', 'markdown', 'csv', 'text'],
    }).notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** sha256 of the bytes, hex; the same bytes twice in a workspace are one document. */
    sha256: text('sha256').notNull(),
    status: text('status', { enum: ['queued', 'extracting', 'ready', 'failed'] })
      .notNull()
      .default('queued'),
    error: text('error'),
    pageCount: integer('page_count'),
    wordCount: integer('word_count'),
    language: text('language'),
    /** Extracted text (capped at the evidence limit); null until extracted. */
    text: text('text'),
    textLength: integer('text_length').notNull().default(0),
    jobId: uuid('job_id'),
    createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    extractedAt: timestamp('extracted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('document_workspace_sha256_key').on(t.workspaceId, t.sha256),
    index('document_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('document_competitor_created_idx').on(t.competitorId, t.createdAt),
  ],
);

export const documentBlob = pgTable('document_blob', {
  documentId: uuid('document_id')
    .primaryKey()
    .references(() => document.id, { onDelete: 'cascade' }),
  bytes: bytea('bytes').notNull(),
});
// ---- monitoring: watched sources, feed items seen, detected changes --------------------------

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
