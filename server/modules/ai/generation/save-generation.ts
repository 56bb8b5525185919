import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { GenerationInfo } from '../../../../common/battlecards';
import type { SectionKey } from '../../../../common/battlecard-sections';
import { battlecard, claim } from '../../../db/schema';
import type { Db, Tx } from '../../../lib/db/database';
import { recordEvent } from '../../audit/audit.service';
import { validateCitations } from '../../battlecards/citations';
import { setOrder } from '../../battlecards/positions';
import type { CheckedClaim } from './citation-check';

export type CardStatus = 'draft' | 'generating' | 'published' | 'archived' | 'failed';

export interface SaveRequest {
  workspaceId: string;
  battlecardId: string;
  /** The sections this generation writes (all of them for a full generation). */
  sections: SectionKey[];
  /** Replace claims people edited or verified too (off by default: those are kept). */
  replaceEdited: boolean;
  claims: CheckedClaim[];
  /** The status the card returns to. */
  status: CardStatus;
  generatedBy: GenerationInfo;
  requestedBy: string | null;
}

/**
 * Writes a generation in one transaction: the card's AI-written claims in the regenerated
 * sections are replaced by the new ones (people's claims stay, first, in their order), the
 * card gets its status back and its generation record, and an event is recorded. Running it
 * twice leaves the same claims, never twice as many — a retried job is harmless.
 * Returns the number of claims written, or undefined when the card no longer exists.
 */
export async function saveGeneration(db: Db, request: SaveRequest): Promise<number | undefined> {
  return db.transaction(async (tx) => {
    const [card] = await tx
      .select({ id: battlecard.id })
      .from(battlecard)
      .where(
        and(
          eq(battlecard.id, request.battlecardId),
          eq(battlecard.workspaceId, request.workspaceId),
        ),
      )
      .for('update');
    if (!card) return undefined;
    const { battlecardId, sections } = request;
    await tx
      .delete(claim)
      .where(
        and(
          eq(claim.battlecardId, battlecardId),
          inArray(claim.section, sections),
          request.replaceEdited ? undefined : and(eq(claim.origin, 'ai'), isNull(claim.verifiedAt)),
        ),
      );
    let written = 0;
    for (const section of sections) {
      const kept = await keptClaimIds(tx, battlecardId, section);
      await setOrder(tx, battlecardId, section, kept);
      const fresh = request.claims.filter((c) => c.section === section);
      if (fresh.length === 0) continue;
      const rows = [];
      for (const [i, c] of fresh.entries()) {
        // Checked in memory already; this re-checks against the evidence as committed now.
        const citations = await validateCitations(tx, request.workspaceId, c.citations);
        rows.push({
          workspaceId: request.workspaceId,
          battlecardId,
          section,
          position: kept.length + i,
          text: c.text,
          response: c.response,
          audience: c.audience,
          confidence: c.confidence,
          citations,
          origin: 'ai' as const,
        });
      }
      await tx.insert(claim).values(rows);
      written += rows.length;
    }
    await tx
      .update(battlecard)
      .set({
        status: request.status,
        generatedBy: request.generatedBy,
        contentUpdatedAt: sql`clock_timestamp()`,
        updatedAt: sql`clock_timestamp()`,
      })
      .where(eq(battlecard.id, battlecardId));
    await recordEvent(tx, {
      type: 'battlecard.generated',
      workspaceId: request.workspaceId,
      actorId: request.requestedBy,
      entity: 'battlecard',
      entityId: battlecardId,
      data: {
        sections: sections.length === 1 ? sections : 'all',
        claims: written,
        engine: request.generatedBy.engine,
        runId: request.generatedBy.runId,
      },
    });
    return written;
  });
}

async function keptClaimIds(tx: Tx, battlecardId: string, section: SectionKey) {
  const rows = await tx
    .select({ id: claim.id })
    .from(claim)
    .where(and(eq(claim.battlecardId, battlecardId), eq(claim.section, section)))
    .orderBy(asc(claim.position));
  return rows.map((r) => r.id);
}

/** After the last attempt failed: the card says so, with the error, instead of "generating". */
export async function markGenerationFailed(
  db: Db,
  workspaceId: string,
  battlecardId: string,
  previous: GenerationInfo | null,
  error: string,
): Promise<void> {
  await db
    .update(battlecard)
    .set({
      // Editors see `failed` and the error, and can try again; claims already there stay.
      status: 'failed',
      generatedBy: { ...(previous ?? emptyGeneration()), error: error.slice(0, 500) },
      updatedAt: sql`clock_timestamp()`,
    })
    .where(and(eq(battlecard.id, battlecardId), eq(battlecard.workspaceId, workspaceId)));
}

export const emptyGeneration = (): GenerationInfo => ({
  engine: null,
  model: null,
  fallbackReason: null,
  runId: null,
  jobId: null,
  generatedAt: null,
  emptySections: [],
  error: null,
});
