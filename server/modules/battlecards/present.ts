import {
  type Battlecard,
  type BattlecardSummary,
  type BattlecardVersion,
  type BattlecardVersionSummary,
  type Citation,
  type Claim,
  type Freshness,
  type GenerationInfo,
  GenerationInfoSchema,
  SECTION_KEYS,
  SECTION_TITLES,
  type Section,
  type SectionKey,
} from '../../../common/battlecards';
import type { PersonRef } from '../../../common/pagination';
import type { CitationRow } from '../../db/schema';

/** Rows as the loaders read them, turned into the shapes of common/battlecards.ts. */

/** A card's body as cached and as published: everything but the caller's permissions. */
export type BattlecardBody = Omit<Battlecard, 'permissions'>;

export interface CardRow {
  id: string;
  workspaceId: string;
  competitorId: string;
  competitorName: string;
  competitorLogoUrl: string | null;
  segment: string;
  title: string;
  status: Battlecard['status'];
  visibility: Battlecard['visibility'];
  ownerId: string | null;
  ownerName: string | null;
  version: number;
  publishedAt: Date | null;
  hasUnpublishedChanges: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** battlecard.generated_by as stored by the AI pipeline (GenerationInfo), or null. */
  generatedBy: unknown;
}

export interface ClaimRow {
  id: string;
  section: SectionKey;
  position: number;
  text: string;
  response: string | null;
  audience: Claim['audience'];
  confidence: number;
  citations: CitationRow[];
  stale: boolean;
  staleReason: string | null;
  verifiedById: string | null;
  verifiedByName: string | null;
  verifiedAt: Date | null;
}

export interface CitedEvidence {
  id: string;
  title: string;
  url: string | null;
  capturedAt: Date;
}

/** Evidence older than this makes a card "aging": intel goes stale even when nobody flags it. */
export const AGING_AFTER_MS = 90 * 24 * 60 * 60 * 1000;

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
const person = (id: string | null, name: string | null): PersonRef | null =>
  id && name !== null ? { id, name } : null;

/**
 * A claim as sellers read it. Citations carry the source's title, link and capture date, read
 * from the evidence; a citation whose evidence has since been deleted is left out. `response`
 * exists only on objection claims.
 */
export function presentClaim(row: ClaimRow, evidence: ReadonlyMap<string, CitedEvidence>): Claim {
  const citations: Citation[] = [];
  for (const { evidenceId, quote } of row.citations) {
    const source = evidence.get(evidenceId);
    if (!source) continue;
    citations.push({
      evidenceId,
      quote,
      url: source.url,
      capturedAt: iso(source.capturedAt),
      title: source.title,
    });
  }
  return {
    id: row.id,
    text: row.text,
    ...(row.section === 'objections' && row.response !== null ? { response: row.response } : {}),
    audience: row.audience,
    confidence: row.confidence,
    stale: row.stale,
    staleReason: row.staleReason,
    verifiedBy: person(row.verifiedById, row.verifiedByName),
    verifiedAt: isoOrNull(row.verifiedAt),
    citations,
  };
}

/** Every section in the fixed order, each with its claims in position order (empty ones too). */
export function buildSections(
  claims: readonly ClaimRow[],
  evidence: ReadonlyMap<string, CitedEvidence>,
): Section[] {
  const bySection = new Map<SectionKey, ClaimRow[]>();
  for (const row of claims) {
    const list = bySection.get(row.section) ?? [];
    list.push(row);
    bySection.set(row.section, list);
  }
  return SECTION_KEYS.map((key) => ({
    key,
    title: SECTION_TITLES[key],
    claims: (bySection.get(key) ?? [])
      .sort((a, b) => a.position - b.position)
      .map((row) => presentClaim(row, evidence)),
  }));
}

/** stale: any stale claim; aging: no citations, or the newest cited evidence is 90+ days old. */
export function freshnessOf(
  staleClaims: number,
  newestEvidenceAt: Date | null,
  now: Date = new Date(),
): Freshness {
  let status: Freshness['status'] = 'fresh';
  if (staleClaims > 0) status = 'stale';
  else if (!newestEvidenceAt || now.getTime() - newestEvidenceAt.getTime() > AGING_AFTER_MS) {
    status = 'aging';
  }
  return { status, staleClaims, newestEvidenceAt: isoOrNull(newestEvidenceAt) };
}

function sectionsFreshness(sections: readonly Section[]): Freshness {
  let stale = 0;
  let newest: string | null = null;
  for (const section of sections) {
    for (const claim of section.claims) {
      if (claim.stale) stale++;
      for (const citation of claim.citations) {
        // ISO strings of the same format compare in time order.
        if (newest === null || citation.capturedAt > newest) newest = citation.capturedAt;
      }
    }
  }
  return freshnessOf(stale, newest === null ? null : new Date(newest));
}

function cardFields(row: CardRow, freshness: Freshness) {
  return {
    id: row.id,
    competitorId: row.competitorId,
    competitor: { id: row.competitorId, name: row.competitorName, logoUrl: row.competitorLogoUrl },
    segment: row.segment,
    title: row.title,
    status: row.status,
    visibility: row.visibility,
    owner: person(row.ownerId, row.ownerName),
    version: row.version,
    publishedAt: isoOrNull(row.publishedAt),
    hasUnpublishedChanges: row.hasUnpublishedChanges,
    freshness,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/**
 * `{ generatedBy }` for a card the AI pipeline wrote, `{}` for any other: a card nobody
 * generated reads exactly as before.
 */
function generationOf(row: CardRow): { generatedBy?: GenerationInfo } {
  if (row.generatedBy === null || row.generatedBy === undefined) return {};
  const parsed = GenerationInfoSchema.safeParse(row.generatedBy);
  return parsed.success ? { generatedBy: parsed.data } : {};
}

export function presentCardBody(row: CardRow, sections: Section[]): BattlecardBody {
  return {
    ...cardFields(row, sectionsFreshness(sections)),
    sections,
    ...generationOf(row),
  };
}

/**
 * A published version under the card's current header: its title, segment and sections with
 * the claims' live marks (`withLiveMarks`), freshness computed from those, and nothing
 * unpublished by definition.
 */
export function presentPublishedBody(
  row: CardRow,
  snapshot: { title: string; segment: string; sections: Section[] },
  liveClaims: readonly ClaimRow[],
): BattlecardBody {
  const header = { ...row, title: snapshot.title, segment: snapshot.segment };
  const sections = withLiveMarks(snapshot.sections, liveClaims);
  return {
    ...cardFields({ ...header, hasUnpublishedChanges: false }, sectionsFreshness(sections)),
    sections,
    ...generationOf(row),
  };
}

/**
 * A snapshot's claims with their marks as they are now. A snapshot freezes a claim as it was
 * published, but a claim that went stale since (its evidence was deleted, an editor flagged it)
 * must warn sellers now, not at the next publish: each claim still on the card takes its
 * current stale mark and reason, and — while it still says what was published — its current
 * verification. A verification vouches for words: one given to reworded text says nothing of
 * the published text, which keeps the verification it was published with. A claim deleted
 * from the working copy keeps its published marks.
 */
export function withLiveMarks(sections: Section[], liveClaims: readonly ClaimRow[]): Section[] {
  const live = new Map(liveClaims.map((row) => [row.id, row]));
  return sections.map((section) => ({
    ...section,
    claims: section.claims.map((published) => {
      const row = live.get(published.id);
      if (!row) return published;
      return {
        ...published,
        stale: row.stale,
        staleReason: row.staleReason,
        ...(saysWhatWasPublished(published, row)
          ? {
              verifiedBy: person(row.verifiedById, row.verifiedByName),
              verifiedAt: isoOrNull(row.verifiedAt),
            }
          : {}),
      };
    }),
  }));
}

function saysWhatWasPublished(published: Claim, row: ClaimRow): boolean {
  const response = row.section === 'objections' ? row.response : null;
  return published.text === row.text && (published.response ?? null) === response;
}

export interface SummaryRow extends CardRow {
  claimCount: number;
  staleClaims: number;
  newestEvidenceAt: Date | null;
}

export function presentSummary(row: SummaryRow): BattlecardSummary {
  return {
    ...cardFields(row, freshnessOf(row.staleClaims, row.newestEvidenceAt)),
    claimCount: row.claimCount,
  };
}

export interface VersionRow {
  battlecardId: string;
  version: number;
  title: string;
  segment: string;
  note: string | null;
  claimCount: number;
  publishedAt: Date;
  publishedById: string | null;
  publishedByName: string | null;
}

export function presentVersionSummary(row: VersionRow): BattlecardVersionSummary {
  return {
    version: row.version,
    note: row.note,
    publishedAt: iso(row.publishedAt),
    publishedBy: person(row.publishedById, row.publishedByName),
    claimCount: row.claimCount,
  };
}

export function presentVersion(row: VersionRow, sections: Section[]): BattlecardVersion {
  return {
    ...presentVersionSummary(row),
    battlecardId: row.battlecardId,
    title: row.title,
    segment: row.segment,
    sections,
  };
}
