import { and, desc, eq, sql } from 'drizzle-orm';
import { competitor, evidence, type product } from '../../../db/schema';
import type { Database, DbOrTx } from '../../../lib/db/database';
import type { SectionKey } from '../../../../common/battlecard-sections';
import type { CompetitorRef, OurProduct } from '../contracts';
import { type OpenedClaims, type StoredClaim, claimsJson, claimsVersion } from './stored-claims';

/** The most evidence one generation reads: the newest first. */
export const MAX_EVIDENCE = 500;

/** An evidence as generation reads it; its content is read only when an agent must run. */
export interface EvidenceMeta {
  id: string;
  kind: 'note' | 'webpage' | 'win_loss' | 'call_snippet' | 'document' | 'snapshot' | 'feed_item';
  title: string;
  url: string | null;
  contentHash: string;
  capturedAt: Date;
  publishedAt: Date | null;
}

export interface EvidenceDoc extends EvidenceMeta {
  content: string;
}

/** Who built a competitor's saved profile, from which evidence: enough to tell it is the same. */
export interface ProfileProvenance {
  evidenceFingerprint: string;
  engine: string;
  model: string;
  updatedAt: Date;
}

export interface GenerationInput {
  card: { id: string; competitorId: string; segment: string; generatedBy: unknown };
  competitor: CompetitorRef;
  /** Without content: a regeneration whose results are all cached never reads it. */
  evidence: EvidenceMeta[];
  product: OurProduct;
  /** The competitor's saved profile, null when none is saved yet. */
  savedProfile: ProfileProvenance | null;
}

/** The run record a generation opens (status running), as `startRun` would. */
export interface RunStart {
  jobId: string;
  kind: 'generate' | 'regenerate';
  engine: string;
  model: string;
  fallbackReason: string | null;
}

/** Evidence metadata as the opening statement returns it (json: timestamps are ISO text). */
interface EvidenceJson {
  id: string;
  kind: EvidenceMeta['kind'];
  title: string;
  url: string | null;
  content_hash: string;
  captured_at: string;
  published_at: string | null;
}

interface OpeningRow extends Record<string, unknown> {
  id: string;
  competitor_id: string;
  segment: string;
  generated_by: unknown;
  name: string;
  website: string | null;
  summary: string;
  run_id: string;
  product: {
    name: string;
    pitch: string;
    capabilities: string[];
    pricing: string;
    proof_points: (typeof product.$inferSelect)['proofPoints'];
  } | null;
  saved_profile: {
    evidence_fingerprint: string;
    engine: string;
    model: string;
    updated_at: string;
  } | null;
  evidence: EvidenceJson[];
  claims: StoredClaim[];
  claims_version: string;
}

/**
 * Opens a generation in one statement, as it runs on every regeneration: reads the card with
 * its competitor, our product, the saved profile's provenance, the evidence (without
 * content) and the claims of `sections`, and records the run as started — only if the card
 * and its competitor are in the workspace. Undefined, with no run recorded, when they are not.
 */
export async function openGeneration(
  database: Database,
  workspaceId: string,
  battlecardId: string,
  sections: SectionKey[],
  run: RunStart,
): Promise<{ input: GenerationInput; runId: string; claims: OpenedClaims } | undefined> {
  // Prepared: this runs on every regeneration, and a warm one does little else.
  const { rows } = await database.prepared<OpeningRow>(sql`
    with target as (
      select b.id, b.competitor_id, b.segment, b.generated_by, c.name, c.website, c.summary
      from battlecard b
      join competitor c on c.id = b.competitor_id and c.workspace_id = ${workspaceId}::uuid
      where b.id = ${battlecardId}::uuid and b.workspace_id = ${workspaceId}::uuid
    ), started as (
      insert into ai_run (workspace_id, battlecard_id, job_id, kind, engine, model, fallback_reason)
      select ${workspaceId}::uuid, id, ${run.jobId}::uuid, ${run.kind}, ${run.engine}, ${run.model},
        ${run.fallbackReason}
      from target
      returning id
    )
    select t.*, (select id from started) as run_id,
      (select to_json(p) from (
        select name, pitch, capabilities, pricing, proof_points from product
        where workspace_id = ${workspaceId}) p) as product,
      (select to_json(s) from (
        select evidence_fingerprint, engine, model, updated_at from competitor_profile
        where competitor_id = t.competitor_id and workspace_id = ${workspaceId}) s) as saved_profile,
      (select coalesce(json_agg(e order by e.captured_at desc, e.id), '[]') from (
        select id, kind, title, url, content_hash, captured_at, published_at from evidence
        where workspace_id = ${workspaceId} and competitor_id = t.competitor_id
        order by captured_at desc, id limit ${MAX_EVIDENCE}) e) as evidence,
      ${claimsJson(battlecardId, sections)} as claims,
      ${claimsVersion(battlecardId, sections)} as claims_version
    from target t`);
  const row = rows[0];
  if (!row) return undefined;
  const saved = row.saved_profile;
  return {
    runId: row.run_id,
    claims: { claims: row.claims, version: row.claims_version },
    input: {
      card: {
        id: row.id,
        competitorId: row.competitor_id,
        segment: row.segment,
        generatedBy: row.generated_by,
      },
      competitor: toCompetitorRef(row),
      evidence: row.evidence.map((e) => ({
        id: e.id,
        kind: e.kind,
        title: e.title,
        url: e.url,
        contentHash: e.content_hash,
        capturedAt: new Date(e.captured_at),
        publishedAt: e.published_at === null ? null : new Date(e.published_at),
      })),
      product: toOurProduct(
        row.product && { ...row.product, proofPoints: row.product.proof_points },
      ),
      savedProfile: saved && {
        evidenceFingerprint: saved.evidence_fingerprint,
        engine: saved.engine,
        model: saved.model,
        updatedAt: new Date(saved.updated_at),
      },
    },
  };
}

const toCompetitorRef = (row: CompetitorRef): CompetitorRef => ({
  name: row.name,
  website: row.website,
  summary: row.summary.slice(0, 5000),
});

export async function loadCompetitorRef(
  db: DbOrTx,
  workspaceId: string,
  competitorId: string,
): Promise<CompetitorRef | undefined> {
  const [row] = await db
    .select({ name: competitor.name, website: competitor.website, summary: competitor.summary })
    .from(competitor)
    .where(and(eq(competitor.id, competitorId), eq(competitor.workspaceId, workspaceId)));
  return row && toCompetitorRef(row);
}

const META_COLUMNS = {
  id: evidence.id,
  kind: evidence.kind,
  title: evidence.title,
  url: evidence.url,
  contentHash: evidence.contentHash,
  capturedAt: evidence.capturedAt,
  publishedAt: evidence.publishedAt,
};

/** The competitor's evidence (newest first, at most MAX_EVIDENCE), with its content. */
export function loadEvidence(
  db: DbOrTx,
  workspaceId: string,
  competitorId: string,
): Promise<EvidenceDoc[]> {
  return db
    .select({ ...META_COLUMNS, content: evidence.content })
    .from(evidence)
    .where(and(eq(evidence.workspaceId, workspaceId), eq(evidence.competitorId, competitorId)))
    .orderBy(desc(evidence.capturedAt), evidence.id)
    .limit(MAX_EVIDENCE);
}

/** Our product as the writer compares against it; a bare one when nobody described it yet. */
function toOurProduct(
  row: Pick<
    typeof product.$inferSelect,
    'name' | 'pitch' | 'capabilities' | 'pricing' | 'proofPoints'
  > | null,
): OurProduct {
  if (!row)
    return { name: 'Our product', pitch: '', capabilities: [], pricing: '', proofPoints: [] };
  return {
    name: row.name.slice(0, 120),
    pitch: row.pitch.slice(0, 300),
    capabilities: row.capabilities.slice(0, 100).map((c) => c.slice(0, 200)),
    pricing: row.pricing.slice(0, 5000),
    proofPoints: row.proofPoints
      .slice(0, 100)
      .map((p) => ({ kind: p.kind, text: p.text.slice(0, 300) })),
  };
}
