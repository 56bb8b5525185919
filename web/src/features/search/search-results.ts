/** Shapes global-search answers for the Ctrl+K dialog: grouped by type, snippets tidied. */
import {
  SECTION_TITLES,
  SECTION_KEYS,
  type SectionKey,
} from '../../../../common/battlecard-sections';
import { SEARCH_TYPES } from '../../../../common/search-types';
import type { SearchResult, SearchType, Snippet } from '../../../../common/search';

export const SEARCH_TYPE_LABELS: Record<SearchType, string> = {
  competitor: 'Competitors',
  battlecard: 'Battlecards',
  claim: 'Claims',
  evidence: 'Evidence',
};

export interface ResultGroup {
  type: SearchType;
  label: string;
  items: SearchResult[];
}

/** Groups in a fixed order (competitors first); results keep their rank order inside a group. */
export function groupResults(items: readonly SearchResult[]): ResultGroup[] {
  return SEARCH_TYPES.map((type) => ({
    type,
    label: SEARCH_TYPE_LABELS[type],
    items: items.filter((item) => item.type === type),
  })).filter((group) => group.items.length > 0);
}

/** The results in the order the dialog lists them, which is the order ↑/↓ moves through. */
export function displayOrder(groups: readonly ResultGroup[]): SearchResult[] {
  return groups.flatMap((group) => group.items);
}

/** Drops empty pieces and joins neighbours with the same `match`, so marks are not split. */
export function tidySnippet(snippet: Snippet): Snippet {
  const out: Snippet = [];
  for (const piece of snippet) {
    if (!piece.text) continue;
    const last = out[out.length - 1];
    if (last && last.match === piece.match) last.text += piece.text;
    else out.push({ text: piece.text, match: piece.match });
  }
  return out;
}

const isSectionKey = (s: string): s is SectionKey =>
  (SECTION_KEYS as readonly string[]).includes(s);

/** The small grey line under a result: competitor and, for claims, the section. */
export function resultContext(result: SearchResult): string {
  const parts: string[] = [];
  if (result.competitor && result.type !== 'competitor') parts.push(result.competitor.name);
  if (result.section) {
    const section = isSectionKey(result.section) ? SECTION_TITLES[result.section] : result.section;
    // The server may already name the section in a claim's title ("Card · How we win").
    if (!result.title.includes(section)) parts.push(section);
  }
  return parts.join(' · ');
}

/** Index after pressing ↑ or ↓, wrapping around; -1 when there is nothing to pick. */
export function moveActive(active: number, count: number, delta: 1 | -1): number {
  if (count === 0) return -1;
  if (active < 0) return delta === 1 ? 0 : count - 1;
  return (active + delta + count) % count;
}
