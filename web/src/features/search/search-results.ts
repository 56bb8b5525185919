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

const sectionTitle = (section: string): string =>
  isSectionKey(section) ? SECTION_TITLES[section] : section;

export interface ResultLines {
  /** The bold first line: what the result is. */
  primary: string;
  /** The small grey line under it; empty when there is nothing more to say. */
  secondary: string;
}

/**
 * The two lines above a result's snippet. A claim leads with its section, since its card title
 * ("Acme — enterprise battlecard") is long and cut off on phones; the card follows in grey.
 * The competitor is named once: a card title that already names it is not followed by it again.
 */
export function resultLines(result: SearchResult): ResultLines {
  const competitor = result.type === 'competitor' ? null : (result.competitor?.name ?? null);
  if (result.type === 'claim' && result.section) {
    const section = sectionTitle(result.section);
    // The server names the section after the card title ("Card · How we win").
    const suffix = ` · ${section}`;
    const card = result.title.endsWith(suffix)
      ? result.title.slice(0, -suffix.length)
      : result.title;
    const secondary = competitor && !card.includes(competitor) ? `${competitor} · ${card}` : card;
    return { primary: section, secondary };
  }
  const parts: string[] = [];
  if (competitor && !result.title.includes(competitor)) parts.push(competitor);
  if (result.section) {
    const section = sectionTitle(result.section);
    if (!result.title.includes(section)) parts.push(section);
  }
  return { primary: result.title, secondary: parts.join(' · ') };
}

const ENDS_A_SENTENCE = /[.!?…:;"”’)]\s*$/;

/**
 * Marks a snippet the server cut short with a trailing "…". The server trims long texts to a
 * few words; a snippet that stops without closing punctuation was cut mid-sentence. Battlecard
 * snippets are the whole "title · segment" and never cut, so they are left alone.
 */
export function withEllipsis(snippet: Snippet, type: SearchType): Snippet {
  const last = snippet[snippet.length - 1];
  if (!last || type === 'battlecard' || ENDS_A_SENTENCE.test(last.text)) return snippet;
  return [...snippet, { text: '…', match: false }];
}

/** Index after pressing ↑ or ↓, wrapping around; -1 when there is nothing to pick. */
export function moveActive(active: number, count: number, delta: 1 | -1): number {
  if (count === 0) return -1;
  if (active < 0) return delta === 1 ? 0 : count - 1;
  return (active + delta + count) % count;
}
