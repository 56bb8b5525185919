/** Shapes a battlecard diff for the version history: grouped by section, changes in words. */
import {
  SECTION_KEYS,
  SECTION_TITLES,
  type SectionKey,
} from '../../../../common/battlecard-sections';
import type { BattlecardDiff, Claim } from '../../../../common/battlecards';

export type ClaimChange = BattlecardDiff['changed'][number];

export interface SectionDiff {
  key: SectionKey;
  title: string;
  added: Claim[];
  removed: Claim[];
  changed: ClaimChange[];
}

/** Sections that changed, in the card's reading order. */
export function groupDiffBySection(diff: BattlecardDiff): SectionDiff[] {
  const groups = new Map<SectionKey, SectionDiff>(
    SECTION_KEYS.map((key) => [
      key,
      { key, title: SECTION_TITLES[key], added: [], removed: [], changed: [] },
    ]),
  );
  for (const { section, claim } of diff.added) groups.get(section)?.added.push(claim);
  for (const { section, claim } of diff.removed) groups.get(section)?.removed.push(claim);
  for (const change of diff.changed) groups.get(change.section)?.changed.push(change);
  return [...groups.values()].filter(
    (g) => g.added.length + g.removed.length + g.changed.length > 0,
  );
}

export function diffCounts(diff: BattlecardDiff) {
  return {
    added: diff.added.length,
    removed: diff.removed.length,
    changed: diff.changed.length,
    total: diff.added.length + diff.removed.length + diff.changed.length + diff.meta.length,
  };
}

const audienceLabel = { internal: 'Internal only', shareable: 'Shareable' } as const;
const percent = (n: number) => `${Math.round(n * 100)}%`;

/**
 * One line for each change that the word diff of text and response does not show, e.g.
 * "Audience: Internal only → Shareable".
 */
export function describeFieldChanges(change: ClaimChange): string[] {
  const { before, after } = change;
  const lines: string[] = [];
  for (const field of change.fields) {
    switch (field) {
      case 'text':
      case 'response':
        break;
      case 'audience':
        lines.push(
          `Audience: ${audienceLabel[before.audience]} → ${audienceLabel[after.audience]}`,
        );
        break;
      case 'confidence':
        lines.push(`Confidence: ${percent(before.confidence)} → ${percent(after.confidence)}`);
        break;
      case 'citations': {
        const was = before.citations.length;
        const now = after.citations.length;
        lines.push(was === now ? `Citations changed (${now})` : `Citations: ${was} → ${now}`);
        break;
      }
      case 'section':
        lines.push(`Moved to ${SECTION_TITLES[change.section]}`);
        break;
      case 'stale':
        lines.push(after.stale ? 'Marked stale' : 'No longer stale');
        break;
      default:
        lines.push(`${field.charAt(0).toUpperCase()}${field.slice(1)} changed`);
    }
  }
  return lines;
}
