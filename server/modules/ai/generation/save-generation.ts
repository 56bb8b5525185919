import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { GenerationInfo } from '../../../../common/battlecards';
import type { SectionKey } from '../../../../common/battlecard-sections';
import { type CitationRow, aiRun, battlecard, claim, event } from '../../../db/schema';
import type { Db, Tx } from '../../../lib/db/database';
import { eventRow } from '../../audit/audit.service';
import { setOrder } from '../../battlecards/positions';
import type { CallTally } from '../agent-cache';
import { type RunOutcome, closedRun } from '../runs';
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
  /** The content hash, by evidence id, of the evidence the claims' citations were checked in. */
  evidenceHashes: ReadonlyMap<string, string>;
  /** The status the card returns to. */
  status: CardStatus;
  generatedBy: GenerationInfo;
  requestedBy: string | null;
  /** The generation's run record, closed as completed by the save. */
  run: { id: string; tally: CallTally; startedAt: number; claimsDropped: number };
}

/** The save's outcome, as the run record now holds it. */
export type SaveOutcome = RunOutcome & { claimsWritten: number };

type StoredClaim = Awaited<ReturnType<typeof claimsOf>>[number];

/**
 * Writes a generation in one transaction: the card's AI-written claims in the regenerated
 * sections are replaced by the new ones (people's claims stay, first, in their order), the
 * card gets its status back and its generation record, an event is recorded and the run is
 * closed. Running it twice leaves the same claims, never twice as many — a retried job is
 * harmless. Returns undefined when the card no longer exists.
 */
export async function saveGeneration(
  db: Db,
  request: SaveRequest,
): Promise<SaveOutcome | undefined> {
  return db.transaction(async (tx) => {
    const { battlecardId, sections } = request;
    const cited = [...new Set(request.claims.flatMap((c) => c.citations.map((x) => x.evidenceId)))];
    const [card] = await tx
      .select({ id: battlecard.id, citedUnchanged: unchangedEvidence(request, cited) })
      .from(battlecard)
      .where(and(eq(battlecard.id, battlecardId), eq(battlecard.workspaceId, request.workspaceId)))
      .for('update');
    if (!card) return undefined;
    // The citations were checked in memory against the evidence as read; evidence is never
    // edited in place, so the same content hash means the quotes are still there. Evidence
    // deleted meanwhile fails the save, and the job retries with what is left.
    if (card.citedUnchanged !== cited.length) {
      throw new Error('Evidence this generation cites was deleted or changed while it ran.');
    }
    const stored = await claimsOf(tx, battlecardId, sections);
    const claimsWritten = claimsUnchanged(stored, request)
      ? request.claims.length
      : await replaceClaims(tx, request, stored);
    const outcome: SaveOutcome = {
      status: 'completed',
      durationMs: performance.now() - request.run.startedAt,
      claimsWritten,
      claimsDropped: request.run.claimsDropped,
    };
    // One statement writes the card, its event and the run's close: they commit together.
    const logged = tx.$with('logged').as(
      tx.insert(event).values(
        eventRow({
          type: 'battlecard.generated',
          workspaceId: request.workspaceId,
          actorId: request.requestedBy,
          entity: 'battlecard',
          entityId: battlecardId,
          data: {
            sections: sections.length === 1 ? sections : 'all',
            claims: claimsWritten,
            engine: request.generatedBy.engine,
            runId: request.generatedBy.runId,
          },
        }),
      ),
    );
    const closed = tx
      .$with('closed')
      .as(
        tx
          .update(aiRun)
          .set(closedRun(request.run.tally, outcome))
          .where(eq(aiRun.id, request.run.id)),
      );
    await tx
      .with(logged, closed)
      .update(battlecard)
      .set({
        status: request.status,
        generatedBy: request.generatedBy,
        contentUpdatedAt: sql`clock_timestamp()`,
        updatedAt: sql`clock_timestamp()`,
      })
      .where(eq(battlecard.id, battlecardId));
    return outcome;
  });
}

/**
 * How many of the cited evidence are still in the workspace with a content hash we read (a
 * sha256 matches only its own content). Lists, not a join on pairs: far cheaper to plan.
 */
function unchangedEvidence(request: SaveRequest, cited: string[]) {
  if (cited.length === 0) return sql<number>`0`.mapWith(Number);
  const hashes = cited.map((id) => request.evidenceHashes.get(id) ?? '');
  // Plain names: drizzle leaves columns unqualified in a one-table select.
  return sql<number>`(select count(*) from evidence e
    where e.workspace_id = ${request.workspaceId}::uuid and e.id in ${cited}
      and e.content_hash in ${hashes})`.mapWith(Number);
}

/** The card's claims in `sections`, per section in order. */
function claimsOf(tx: Tx, battlecardId: string, sections: SectionKey[]) {
  return tx
    .select({
      id: claim.id,
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
    .where(and(eq(claim.battlecardId, battlecardId), inArray(claim.section, sections)))
    .orderBy(asc(claim.section), asc(claim.position));
}

/** Whether a save replaces this claim: an AI claim nobody verified (any claim with replaceEdited). */
const replaceable = (request: SaveRequest, c: StoredClaim) =>
  request.replaceEdited || (c.origin === 'ai' && c.verifiedAt === null);

/**
 * Deletes the AI claims of the sections (all of them with replaceEdited) and inserts the new
 * ones after the claims kept, in one multi-row insert. `stored` is what the sections held,
 * read under the card's lock (every claim write takes it), so the kept ones need no re-read.
 */
async function replaceClaims(tx: Tx, request: SaveRequest, stored: StoredClaim[]) {
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
  const rows = [];
  for (const section of sections) {
    const people = stored
      .filter((c) => c.section === section && !replaceable(request, c))
      .map((c) => c.id);
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
function claimsUnchanged(stored: StoredClaim[], request: SaveRequest): boolean {
  for (const section of request.sections) {
    const existing = stored.filter((r) => r.section === section);
    const fresh = request.claims.filter((c) => c.section === section);
    const firstReplaceable = existing.findIndex((r) => replaceable(request, r));
    const ours = firstReplaceable === -1 ? [] : existing.slice(firstReplaceable);
    // People's claims must all come first, as a save would order them.
    if (ours.some((r) => !replaceable(request, r)) || ours.length !== fresh.length) return false;
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
