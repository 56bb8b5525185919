import { alias } from 'drizzle-orm/pg-core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Claim, Section } from '../../../common/battlecards';
import { battlecard, battlecardVersion, claim, competitor, evidence, user } from '../../db/schema';
import type { DbOrTx } from '../../lib/db/database';
import {
  type BattlecardBody,
  type CardRow,
  type CitedEvidence,
  type ClaimRow,
  buildSections,
  presentCardBody,
  presentClaim,
  presentPublishedBody,
} from './present';

/**
 * Reading a card: three queries whatever its size — the card with its competitor and owner,
 * its claims with their verifiers, and the evidence they cite (two for a published copy: the
 * card with its latest version, and its claims' live marks). No writes: this is the path every
 * seller's card view takes (through the cache).
 */

/** The card's owner; join it wherever `cardColumns` are selected. */
export const cardOwner = alias(user, 'owner');
const verifier = alias(user, 'verifier');

/** The card columns every reader needs (never the tsvector). */
export const cardColumns = {
  id: battlecard.id,
  workspaceId: battlecard.workspaceId,
  competitorId: battlecard.competitorId,
  competitorName: competitor.name,
  competitorLogoUrl: competitor.logoUrl,
  segment: battlecard.segment,
  title: battlecard.title,
  status: battlecard.status,
  visibility: battlecard.visibility,
  ownerId: battlecard.ownerId,
  ownerName: cardOwner.name,
  version: battlecard.version,
  publishedAt: battlecard.publishedAt,
  // Compared in SQL: microseconds matter when an edit and a publish land close together.
  hasUnpublishedChanges: sql<boolean>`(${battlecard.publishedAt} is null or ${battlecard.contentUpdatedAt} > ${battlecard.publishedAt})`,
  createdAt: battlecard.createdAt,
  updatedAt: battlecard.updatedAt,
  generatedBy: battlecard.generatedBy,
};

/** The card row with its competitor and owner, or undefined when not in `workspaceId`. */
export async function loadCardRow(
  db: DbOrTx,
  workspaceId: string,
  id: string,
): Promise<CardRow | undefined> {
  const [row] = await db
    .select(cardColumns)
    .from(battlecard)
    .innerJoin(competitor, eq(competitor.id, battlecard.competitorId))
    .leftJoin(cardOwner, eq(cardOwner.id, battlecard.ownerId))
    .where(and(eq(battlecard.id, id), eq(battlecard.workspaceId, workspaceId)));
  return row;
}

const claimColumns = {
  id: claim.id,
  section: claim.section,
  position: claim.position,
  text: claim.text,
  response: claim.response,
  audience: claim.audience,
  confidence: claim.confidence,
  citations: claim.citations,
  stale: claim.stale,
  staleReason: claim.staleReason,
  verifiedById: claim.verifiedBy,
  verifiedByName: verifier.name,
  verifiedAt: claim.verifiedAt,
};

/** A card's claims (or only `claimIds` of them), in section and position order. */
export async function loadClaimRows(
  db: DbOrTx,
  workspaceId: string,
  battlecardId: string,
  claimIds?: string[],
): Promise<ClaimRow[]> {
  return db
    .select(claimColumns)
    .from(claim)
    .leftJoin(verifier, eq(verifier.id, claim.verifiedBy))
    .where(
      and(
        eq(claim.battlecardId, battlecardId),
        eq(claim.workspaceId, workspaceId),
        claimIds ? inArray(claim.id, claimIds) : undefined,
      ),
    )
    .orderBy(asc(claim.section), asc(claim.position));
}

/** Title, link and capture date of every evidence the claims cite, in one query. */
export async function loadCitedEvidence(
  db: DbOrTx,
  workspaceId: string,
  claims: readonly ClaimRow[],
): Promise<Map<string, CitedEvidence>> {
  const ids = [...new Set(claims.flatMap((c) => c.citations.map((ci) => ci.evidenceId)))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: evidence.id,
      title: evidence.title,
      url: evidence.url,
      capturedAt: evidence.capturedAt,
    })
    .from(evidence)
    .where(and(eq(evidence.workspaceId, workspaceId), inArray(evidence.id, ids)));
  return new Map(rows.map((row) => [row.id, row]));
}

/** The working copy with its sections, as GET /battlecards/:id shows editors (minus permissions). */
export async function loadCardBody(
  db: DbOrTx,
  workspaceId: string,
  id: string,
): Promise<{ row: CardRow; body: BattlecardBody } | undefined> {
  const row = await loadCardRow(db, workspaceId, id);
  if (!row) return undefined;
  return { row, body: await draftBody(db, row) };
}

async function draftBody(db: DbOrTx, row: CardRow): Promise<BattlecardBody> {
  const claims = await loadClaimRows(db, row.workspaceId, row.id);
  const sections = buildSections(claims, await loadCitedEvidence(db, row.workspaceId, claims));
  return presentCardBody(row, sections);
}

/**
 * The published copy, as GET /battlecards/:id shows viewers (minus permissions): the title,
 * segment and sections of the latest published version under the card's current header, each
 * claim with its live stale mark and verification (see `withLiveMarks`). A card never
 * published is shown as the draft it is.
 */
export async function loadPublishedCardBody(
  db: DbOrTx,
  workspaceId: string,
  id: string,
): Promise<{ row: CardRow; body: BattlecardBody } | undefined> {
  const [found] = await db
    .select({
      ...cardColumns,
      publishedTitle: battlecardVersion.title,
      publishedSegment: battlecardVersion.segment,
      publishedSections: battlecardVersion.sections,
    })
    .from(battlecard)
    .innerJoin(competitor, eq(competitor.id, battlecard.competitorId))
    .leftJoin(cardOwner, eq(cardOwner.id, battlecard.ownerId))
    .leftJoin(
      battlecardVersion,
      and(
        eq(battlecardVersion.battlecardId, battlecard.id),
        eq(battlecardVersion.version, battlecard.version),
      ),
    )
    .where(and(eq(battlecard.id, id), eq(battlecard.workspaceId, workspaceId)));
  if (!found) return undefined;
  const { publishedTitle, publishedSegment, publishedSections, ...row } = found;
  if (row.version === 0) return { row, body: await draftBody(db, row) };
  if (publishedTitle === null || publishedSegment === null || publishedSections === null) {
    // Publish writes the version and bumps the card in one transaction; this cannot happen.
    throw new Error(`battlecard ${id} is at version ${row.version} but has no such snapshot`);
  }
  const snapshot = {
    title: publishedTitle,
    segment: publishedSegment,
    // Written by publish() from the presenter's own output: the contract's Section[].
    sections: publishedSections as Section[],
  };
  const liveClaims = await loadClaimRows(db, workspaceId, id);
  return { row, body: presentPublishedBody(row, snapshot, liveClaims) };
}

/** One claim as the API shows it (after a write to it). */
export async function loadClaim(
  db: DbOrTx,
  workspaceId: string,
  battlecardId: string,
  claimId: string,
): Promise<Claim> {
  const rows = await loadClaimRows(db, workspaceId, battlecardId, [claimId]);
  return presentClaim(rows[0]!, await loadCitedEvidence(db, workspaceId, rows));
}
