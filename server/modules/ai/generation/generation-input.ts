import { and, desc, eq } from 'drizzle-orm';
import { battlecard, competitor, competitorProfile, evidence, product } from '../../../db/schema';
import type { DbOrTx } from '../../../lib/db/database';
import type { CompetitorRef, OurProduct } from '../contracts';

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

/**
 * The card, its competitor, the competitor's evidence and our product — all in one workspace.
 * Two round trips: the card with its competitor, our product and the saved profile's
 * provenance in one query (they are read on every regeneration), then the evidence.
 */
export async function loadGenerationInput(
  db: DbOrTx,
  workspaceId: string,
  battlecardId: string,
): Promise<GenerationInput | undefined> {
  const [row] = await db
    .select({
      card: {
        id: battlecard.id,
        competitorId: battlecard.competitorId,
        segment: battlecard.segment,
        generatedBy: battlecard.generatedBy,
      },
      rival: { name: competitor.name, website: competitor.website, summary: competitor.summary },
      product: {
        name: product.name,
        pitch: product.pitch,
        capabilities: product.capabilities,
        pricing: product.pricing,
        proofPoints: product.proofPoints,
      },
      savedProfile: {
        evidenceFingerprint: competitorProfile.evidenceFingerprint,
        engine: competitorProfile.engine,
        model: competitorProfile.model,
        updatedAt: competitorProfile.updatedAt,
      },
    })
    .from(battlecard)
    .innerJoin(
      competitor,
      and(eq(competitor.id, battlecard.competitorId), eq(competitor.workspaceId, workspaceId)),
    )
    .leftJoin(product, eq(product.workspaceId, workspaceId))
    .leftJoin(
      competitorProfile,
      and(
        eq(competitorProfile.competitorId, competitor.id),
        eq(competitorProfile.workspaceId, workspaceId),
      ),
    )
    .where(and(eq(battlecard.id, battlecardId), eq(battlecard.workspaceId, workspaceId)));
  if (!row) return undefined;
  return {
    card: row.card,
    competitor: toCompetitorRef(row.rival),
    evidence: await loadEvidenceMeta(db, workspaceId, row.card.competitorId),
    product: toOurProduct(row.product),
    savedProfile: row.savedProfile,
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

/** The same evidence as loadEvidence, without content. */
function loadEvidenceMeta(
  db: DbOrTx,
  workspaceId: string,
  competitorId: string,
): Promise<EvidenceMeta[]> {
  return db
    .select(META_COLUMNS)
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
