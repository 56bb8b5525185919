import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { GenerationInfo } from '../../../../common/battlecards';
import type { SectionKey } from '../../../../common/battlecard-sections';
import { type CitationRow, battlecard, claim } from '../../../db/schema';
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
    // Checked in memory already; re-checked here, in one query, against the evidence as
    // committed now (an evidence edited meanwhile fails the save, and the job retries).
    await validateCitations(
      tx,
      request.workspaceId,
      request.claims.flatMap((c) => c.citations),
    );
    const unchanged = await claimsUnchanged(tx, request);
    const written = unchanged ? request.claims.length : await replaceClaims(tx, request);
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

/** Deletes the AI claims of the sections (all of them with replaceEdited) and inserts the new. */
async function replaceClaims(tx: Tx, request: SaveRequest): Promise<number> {
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
  const kept = await keptClaimIds(tx, battlecardId, sections);
  const rows = [];
  for (const section of sections) {
    const people = kept.get(section) ?? [];
    if (people.length > 0) await setOrder(tx, battlecardId, section, people);
    const fresh = request.claims.filter((c) => c.section === section);
    for (const [i, c] of fresh.entries()) {
      rows.push({
        workspaceId: request.workspaceId,
        battlecardId,
        section,
        position: people.length + i,
        text: c.text,
        response: c.response,
        audience: c.audience,
        confidence: c.confidence,
        citations: c.citations,
        origin: 'ai' as const,
      });
    }
  }
  if (rows.length > 0) await tx.insert(claim).values(rows);
  return rows.length;
}

/**
 * Whether the card already holds exactly these claims (a warm regeneration of unchanged
 * evidence): in each section, the claims a save would replace are, in order and after the
 * kept ones, equal to the new ones — same text, response, audience, confidence and citations,
 * none stale. Then nothing is deleted or inserted.
 */
async function claimsUnchanged(tx: Tx, request: SaveRequest): Promise<boolean> {
  const rows = await tx
    .select({
      section: claim.section,
      text: claim.text,
      response: claim.response,
      audience: claim.audience,
      confidence: claim.confidence,
      citations: claim.citations,
      stale: claim.stale,
      origin: claim.origin,
      verifiedAt: claim.verifiedAt,
    })
    .from(claim)
    .where(
      and(eq(claim.battlecardId, request.battlecardId), inArray(claim.section, request.sections)),
    )
    .orderBy(asc(claim.section), asc(claim.position));
  for (const section of request.sections) {
    const existing = rows.filter((r) => r.section === section);
    const fresh = request.claims.filter((c) => c.section === section);
    const replaceable = (r: (typeof rows)[number]) =>
      request.replaceEdited || (r.origin === 'ai' && r.verifiedAt === null);
    const firstReplaceable = existing.findIndex(replaceable);
    const ours = firstReplaceable === -1 ? [] : existing.slice(firstReplaceable);
    // People's claims must all come first, as a save would order them.
    if (ours.some((r) => !replaceable(r)) || ours.length !== fresh.length) return false;
    for (const [i, r] of ours.entries()) {
      const c = fresh[i]!;
      if (
        r.stale ||
        r.text !== c.text ||
        r.response !== c.response ||
        r.audience !== c.audience ||
        Math.abs(r.confidence - c.confidence) > 1e-6 ||
        !sameCitations(r.citations, c.citations)
      ) {
        return false;
      }
    }
  }
  return true;
}

/** Same evidence and quotes in the same order (jsonb does not keep key order: no stringify). */
function sameCitations(a: readonly CitationRow[], b: readonly CitationRow[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.evidenceId === b[i]!.evidenceId && x.quote === b[i]!.quote)
  );
}

/** The claims left in `sections` after the delete (people's), per section in order. */
async function keptClaimIds(tx: Tx, battlecardId: string, sections: SectionKey[]) {
  const rows = await tx
    .select({ id: claim.id, section: claim.section })
    .from(claim)
    .where(and(eq(claim.battlecardId, battlecardId), inArray(claim.section, sections)))
    .orderBy(asc(claim.section), asc(claim.position));
  const out = new Map<SectionKey, string[]>();
  for (const row of rows) out.set(row.section, [...(out.get(row.section) ?? []), row.id]);
  return out;
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
