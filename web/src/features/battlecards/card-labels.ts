/** How a card's state reads on chips: version, draft, unpublished changes, freshness. */
import type { Battlecard, BattlecardSummary } from '../../../../common/battlecards';
import { formatDate } from '../../lib/format';

export type ChipColor = 'default' | 'primary' | 'success' | 'warning' | 'error' | 'info';

export interface ChipLabel {
  label: string;
  color: ChipColor;
  /** Longer explanation for a tooltip. */
  hint: string;
}

type CardState = Pick<
  Battlecard | BattlecardSummary,
  'status' | 'version' | 'publishedAt' | 'hasUnpublishedChanges'
>;

/** The status chips of a card, most important first. */
export function statusChips(card: CardState): ChipLabel[] {
  const chips: ChipLabel[] = [];
  if (card.status === 'archived') {
    chips.push({ label: 'Archived', color: 'default', hint: 'Kept for reference; not in use.' });
  } else if (card.status === 'generating') {
    chips.push({ label: 'Generating…', color: 'info', hint: 'Claims are being written.' });
  } else if (card.status === 'failed') {
    chips.push({ label: 'Generation failed', color: 'error', hint: 'Edit the card by hand.' });
  }
  if (card.version === 0) {
    chips.push({ label: 'Draft', color: 'default', hint: 'Not published yet.' });
  } else {
    chips.push({
      label: `v${card.version}`,
      color: 'primary',
      hint: card.publishedAt
        ? `Version ${card.version}, published ${formatDate(card.publishedAt)}.`
        : `Version ${card.version}.`,
    });
    if (card.hasUnpublishedChanges) {
      chips.push({
        label: 'Unpublished changes',
        color: 'warning',
        hint: `Edited since version ${card.version} was published.`,
      });
    }
  }
  return chips;
}

export function freshnessChip(freshness: Battlecard['freshness']): ChipLabel {
  const newest = freshness.newestEvidenceAt
    ? `Newest evidence captured ${formatDate(freshness.newestEvidenceAt)}.`
    : 'No cited evidence yet.';
  if (!freshness.newestEvidenceAt && freshness.status !== 'stale') {
    return { label: 'No sources', color: 'default', hint: 'No claim cites evidence yet.' };
  }
  switch (freshness.status) {
    case 'fresh':
      return { label: 'Fresh', color: 'success', hint: newest };
    case 'aging':
      return { label: 'Aging', color: 'default', hint: `Evidence is getting old. ${newest}` };
    case 'stale': {
      const n = freshness.staleClaims;
      return {
        label: n === 1 ? '1 stale claim' : `${n} stale claims`,
        color: 'warning',
        hint: `Some claims need checking. ${newest}`,
      };
    }
  }
}

export const AUDIENCE_LABELS = { internal: 'Internal only', shareable: 'Shareable' } as const;

export function confidenceLabel(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}
