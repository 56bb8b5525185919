import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { GenerationInfo } from '../../../../common/battlecards';
import type { SectionKey } from '../../../../common/battlecard-sections';
import { aiRun, battlecard, claim, event } from '../../../db/schema';
import type { Database, Db, Tx } from '../../../lib/db/database';
import { eventRow } from '../../audit/audit.service';
import { setOrder } from '../../battlecards/positions';
import type { CallTally } from '../agent-cache';
import { type RunOutcome, closedRun } from '../runs';
import type { CheckedClaim } from './citation-check';
import {
  type OpenedClaims,
  type StoredClaim,
  claimsOf,
  claimsUnchanged,
  claimsVersion,
  replaceable,
} from './stored-claims';

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
  /** The claims of the sections as the generation read them when it opened. */
  opened?: OpenedClaims;
  /** The generation's run record, closed as completed by the save. */
  run: { id: string; tally: CallTally; startedAt: number; claimsDropped: number };
}

/** The save's outcome, as the run record now holds it. */
export type SaveOutcome = RunOutcome & { claimsWritten: number };

/**
 * Writes a generation: the card's AI-written claims in the regenerated sections are replaced
 * by the new ones (people's claims stay, first, in their order), the card gets its status
 * back and its generation record, an event is recorded and the run is closed — all or
 * nothing. Running it twice leaves the same claims, never twice as many — a retried job is
 * harmless. Returns undefined when the card no longer exists.
 */
export async function saveGeneration(
  database: Database,
  request: SaveRequest,
): Promise<SaveOutcome | undefined> {
  const cited = citedEvidence(request);
  // A regeneration that would write the claims the card already holds writes no claim: one
  // statement, when nothing it read has changed since; otherwise the full save below.
  if (request.opened && claimsUnchanged(request.opened.claims, request)) {
    const outcome = await saveUnchanged(database, request, request.opened.version, cited);
    if (outcome) return outcome;
  }
  return database.db.transaction(async (tx) => {
    const { battlecardId, sections } = request;
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
    // Read under the card's lock, which every claim write takes.
    const stored = await claimsOf(tx, battlecardId, sections);
    const claimsWritten = claimsUnchanged(stored, request)
      ? request.claims.length
      : await replaceClaims(tx, request, stored);
    const outcome = completed(request, claimsWritten);
    // One statement writes the card, its event and the run's close: they commit together.
    const logged = tx.$with('logged').as(tx.insert(event).values(generatedEvent(request, outcome)));
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
      .set(savedCard(request))
      .where(eq(battlecard.id, battlecardId));
    return outcome;
  });
}

/**
 * The save of a regeneration whose claims equal the card's, in one statement: the card, its
 * event and the run's close are written only if the claims of the sections are still those
 * the generation opened with (same version) and the cited evidence is unchanged. Undefined
 * when they are not, or the card is gone: nothing was written, and the full save decides.
 * A claim write racing it keeps its result either way: this save writes no claim.
 */
async function saveUnchanged(
  database: Database,
  request: SaveRequest,
  version: string,
  cited: string[],
): Promise<SaveOutcome | undefined> {
  const { battlecardId, sections } = request;
  const outcome = completed(request, request.claims.length);
  const db = database.db;
  const saved = db.$with('saved').as(
    db
      .update(battlecard)
      .set(savedCard(request))
      .where(
        and(
          eq(battlecard.id, battlecardId),
          eq(battlecard.workspaceId, request.workspaceId),
          sql`${claimsVersion(battlecardId, sections)} = ${version}`,
          sql`${unchangedEvidence(request, cited)} = ${cited.length}`,
        ),
      )
      .returning({ id: battlecard.id }),
  );
  const row = generatedEvent(request, outcome);
  const logged = db.$with('logged', {}).as(
    sql`insert into event (workspace_id, actor_id, type, entity, entity_id, data)
      select ${row.workspaceId}::uuid, ${row.actorId}::uuid, ${row.type}, ${row.entity},
        ${row.entityId}, ${JSON.stringify(row.data)}::jsonb
      from saved`,
  );
  const closed = db.$with('closed').as(
    db
      .update(aiRun)
      .set(closedRun(request.run.tally, outcome))
      .where(and(eq(aiRun.id, request.run.id), sql`exists (select 1 from saved)`)),
  );
  // Prepared: a warm regeneration runs this and the opening statement, and little else.
  const { rows } = await database.prepared(
    db.with(saved, logged, closed).select({ id: saved.id }).from(saved),
  );
  return rows.length === 1 ? outcome : undefined;
}

const citedEvidence = (request: SaveRequest) => [
  ...new Set(request.claims.flatMap((c) => c.citations.map((x) => x.evidenceId))),
];

const completed = (request: SaveRequest, claimsWritten: number): SaveOutcome => ({
  status: 'completed',
  durationMs: performance.now() - request.run.startedAt,
  claimsWritten,
  claimsDropped: request.run.claimsDropped,
});

/** The card as a save leaves it. */
const savedCard = (request: SaveRequest) => ({
  status: request.status,
  generatedBy: request.generatedBy,
  contentUpdatedAt: sql`clock_timestamp()`,
  updatedAt: sql`clock_timestamp()`,
});

const generatedEvent = (request: SaveRequest, outcome: SaveOutcome) =>
  eventRow({
    type: 'battlecard.generated',
    workspaceId: request.workspaceId,
    actorId: request.requestedBy,
    entity: 'battlecard',
    entityId: request.battlecardId,
    data: {
      sections: request.sections.length === 1 ? request.sections : 'all',
      claims: outcome.claimsWritten,
      engine: request.generatedBy.engine,
      runId: request.generatedBy.runId,
    },
  });

/**
 * How many of the cited evidence are still in the workspace with a content hash we read (a
 * sha256 matches only its own content). Lists, not a join on pairs: far cheaper to plan.
 */
function unchangedEvidence(request: SaveRequest, cited: string[]) {
  const hashes = cited.map((id) => request.evidenceHashes.get(id) ?? '');
  // Lists as array parameters: the text stays the same however many evidence are cited, so
  // the statement is prepared once (lib/db/prepared.ts).
  return sql<number>`(select count(*) from evidence e
    where e.workspace_id = ${request.workspaceId}::uuid
      and e.id = any(${sql.param(cited)}::uuid[])
      and e.content_hash = any(${sql.param(hashes)}::text[]))`.mapWith(Number);
}

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
      .filter((c) => c.section === section && !replaceable(request.replaceEdited, c))
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
