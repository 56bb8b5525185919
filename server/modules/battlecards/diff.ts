import type { BattlecardDiff, Claim, Section, SectionKey } from '../../../common/battlecards';

/** What two states of a card are compared on: a published version, or the current draft. */
export interface CardSnapshot {
  title: string;
  segment: string;
  sections: readonly Section[];
}

/** The claim fields a diff reports, in the order it lists them. */
export const DIFF_FIELDS = [
  'text',
  'response',
  'audience',
  'confidence',
  'citations',
  'section',
  'stale',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

interface Placed {
  section: SectionKey;
  claim: Claim;
}

/** Claims by id, in reading order (section order, then position). */
function claimsById(snapshot: CardSnapshot): Map<string, Placed> {
  const byId = new Map<string, Placed>();
  for (const section of snapshot.sections) {
    for (const claim of section.claims) byId.set(claim.id, { section: section.key, claim });
  }
  return byId;
}

/**
 * Citations are compared on what the claim asserts — which evidence, which quote, in which
 * order — not on the source's title or link, which the evidence may have changed since.
 */
const citationKey = (claim: Claim) =>
  JSON.stringify(claim.citations.map((c) => [c.evidenceId, c.quote]));

function changedFields(before: Placed, after: Placed): DiffField[] {
  const differs: Record<DiffField, boolean> = {
    text: before.claim.text !== after.claim.text,
    response: (before.claim.response ?? null) !== (after.claim.response ?? null),
    audience: before.claim.audience !== after.claim.audience,
    confidence: before.claim.confidence !== after.claim.confidence,
    citations: citationKey(before.claim) !== citationKey(after.claim),
    section: before.section !== after.section,
    stale: before.claim.stale !== after.claim.stale,
  };
  return DIFF_FIELDS.filter((field) => differs[field]);
}

/**
 * Compares two states of a card. Claims are matched by id: a claim only in `to` was added, one
 * only in `from` removed, one in both with a differing field changed. A move within a section
 * (reordering) is not a change. Lists follow reading order (removed: the order of `from`).
 */
export function diffSnapshots(
  from: CardSnapshot,
  to: CardSnapshot,
): Omit<BattlecardDiff, 'from' | 'to'> {
  const before = claimsById(from);
  const after = claimsById(to);
  const diff: Omit<BattlecardDiff, 'from' | 'to'> = {
    added: [],
    removed: [],
    changed: [],
    meta: [],
  };
  for (const [id, placed] of after) {
    const old = before.get(id);
    if (!old) {
      diff.added.push(placed);
      continue;
    }
    const fields = changedFields(old, placed);
    if (fields.length > 0) {
      diff.changed.push({
        claimId: id,
        section: placed.section,
        before: old.claim,
        after: placed.claim,
        fields,
      });
    }
  }
  for (const [id, placed] of before) if (!after.has(id)) diff.removed.push(placed);
  for (const field of ['title', 'segment'] as const) {
    if (from[field] !== to[field]) {
      diff.meta.push({ field, before: from[field], after: to[field] });
    }
  }
  return diff;
}
