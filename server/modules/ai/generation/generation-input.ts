import { and, desc, eq } from 'drizzle-orm';
import { battlecard, competitor, evidence, product } from '../../../db/schema';
import type { DbOrTx } from '../../../lib/db/database';
import type { CompetitorRef, OurProduct } from '../contracts';

/** The most evidence one generation reads: the newest first. */
export const MAX_EVIDENCE = 500;

export interface EvidenceDoc {
  id: string;
  kind: 'note' | 'webpage' | 'win_loss' | 'call_snippet' | 'document' | 'snapshot' | 'feed_item';
  title: string;
  content: string;
  url: string | null;
  contentHash: string;
  capturedAt: Date;
  publishedAt: Date | null;
}

export interface GenerationInput {
  card: { id: string; competitorId: string; segment: string; generatedBy: unknown };
  competitor: CompetitorRef;
  evidence: EvidenceDoc[];
  product: OurProduct;
}

/** The card, its competitor, the competitor's evidence and our product — all in one workspace. */
export async function loadGenerationInput(
  db: DbOrTx,
  workspaceId: string,
  battlecardId: string,
): Promise<GenerationInput | undefined> {
  const [card] = await db
    .select({
      id: battlecard.id,
      competitorId: battlecard.competitorId,
      segment: battlecard.segment,
      generatedBy: battlecard.generatedBy,
    })
    .from(battlecard)
    .where(and(eq(battlecard.id, battlecardId), eq(battlecard.workspaceId, workspaceId)));
  if (!card) return undefined;
  const rival = await loadCompetitorRef(db, workspaceId, card.competitorId);
  if (!rival) return undefined;
  return {
    card,
    competitor: rival,
    evidence: await loadEvidence(db, workspaceId, card.competitorId),
    product: await loadOurProduct(db, workspaceId),
  };
}

export async function loadCompetitorRef(
  db: DbOrTx,
  workspaceId: string,
  competitorId: string,
): Promise<CompetitorRef | undefined> {
  const [row] = await db
    .select({ name: competitor.name, website: competitor.website, summary: competitor.summary })
    .from(competitor)
    .where(and(eq(competitor.id, competitorId), eq(competitor.workspaceId, workspaceId)));
  return row && { name: row.name, website: row.website, summary: row.summary.slice(0, 5000) };
}

export function loadEvidence(
  db: DbOrTx,
  workspaceId: string,
  competitorId: string,
): Promise<EvidenceDoc[]> {
  return db
    .select({
      id: evidence.id,
      kind: evidence.kind,
      title: evidence.title,
      content: evidence.content,
      url: evidence.url,
      contentHash: evidence.contentHash,
      capturedAt: evidence.capturedAt,
      publishedAt: evidence.publishedAt,
    })
    .from(evidence)
    .where(and(eq(evidence.workspaceId, workspaceId), eq(evidence.competitorId, competitorId)))
    .orderBy(desc(evidence.capturedAt), evidence.id)
    .limit(MAX_EVIDENCE);
}

/** Our product as the writer compares against it; a bare one when nobody described it yet. */
export async function loadOurProduct(db: DbOrTx, workspaceId: string): Promise<OurProduct> {
  const [row] = await db.select().from(product).where(eq(product.workspaceId, workspaceId));
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
