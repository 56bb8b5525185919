/** Labels, counts and small conversions for competitors and their evidence. */
import type { BattlecardSummary } from '../../../../common/battlecards';
import type { CompetitorTier, EvidenceKind } from '../../../../common/competitors';

/**
 * The server's limit on evidence text (EVIDENCE_CONTENT_MAX in common/competitors.ts), copied
 * so zod stays out of the bundle; a unit test keeps the two equal.
 */
export const EVIDENCE_CONTENT_MAX = 200_000;

export const TIERS = [
  'primary',
  'secondary',
  'emerging',
] as const satisfies readonly CompetitorTier[];

export const tierLabel: Record<CompetitorTier, string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  emerging: 'Emerging',
};

export const tierDescription: Record<CompetitorTier, string> = {
  primary: 'In many of our deals; sellers need this card often',
  secondary: 'Shows up now and then',
  emerging: 'New or small; worth keeping an eye on',
};

/** Kinds a person adds by hand (MANUAL_EVIDENCE_KINDS); documents and monitoring add the rest. */
export const MANUAL_EVIDENCE_KINDS = [
  'note',
  'webpage',
  'win_loss',
  'call_snippet',
] as const satisfies readonly EvidenceKind[];
export type ManualEvidenceKind = (typeof MANUAL_EVIDENCE_KINDS)[number];

export const EVIDENCE_KINDS = [
  ...MANUAL_EVIDENCE_KINDS,
  'document',
  'snapshot',
  'feed_item',
] as const satisfies readonly EvidenceKind[];

export const evidenceKindLabel: Record<EvidenceKind, string> = {
  note: 'Note',
  webpage: 'Web page',
  win_loss: 'Win/loss',
  call_snippet: 'Call snippet',
  document: 'Document',
  snapshot: 'Page snapshot',
  feed_item: 'Feed item',
};

export const manualKindDescription: Record<ManualEvidenceKind, string> = {
  note: 'Something you learned: from a partner, an analyst, a conference',
  webpage: 'Text copied from one of their pages: pricing, features, a blog post',
  win_loss: 'What a buyer told us after choosing, for or against us',
  call_snippet: 'A passage from a sales call transcript',
};

/** "1 claim", "3 claims"; `plural` for words that do not just take an s. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? singular : plural}`;
}

/** 0.625 → "63%". */
export function formatPercent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/**
 * What people type for a website ("acme.com") as the absolute URL the API wants. Blank → null.
 * Anything that already has a scheme is left for the server to judge.
 */
export function normalizeWebUrl(input: string): string | null {
  const value = input.trim();
  if (!value) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  return `https://${value.replace(/^\/+/, '')}`;
}

/** "https://www.acme.com/pricing" → "acme.com"; the input itself when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** The first letter or digit of a name, for an avatar without a logo. */
export function initialOf(name: string): string {
  const match = /[\p{L}\p{N}]/u.exec(name);
  return (match?.[0] ?? '?').toUpperCase();
}

/** A stable hue per name, so each competitor's avatar keeps its colour. */
export function hueOf(name: string): number {
  let hash = 0;
  for (const char of name.toLowerCase()) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % 360;
}

/**
 * A date field's value (YYYY-MM-DD) as an instant at noon UTC: the same calendar day in every
 * time zone people read it in. Blank → null.
 */
export function dayToIso(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  return `${day}T12:00:00.000Z`;
}

/** Today in the browser's time zone, as a date field's value. */
export function todayAsDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A date entered as a day (closed on, published on), shown as that same day everywhere. */
export function formatDay(iso: string): string {
  return dayFormat.format(new Date(iso));
}

/** What goes with a competitor, spelled out: "12 pieces of evidence, 2 battlecards and 1 deal". */
export function describeContents(counts: {
  evidence: number;
  battlecards: number;
  deals: number;
}): string | undefined {
  const parts = [
    counts.evidence > 0 ? countOf(counts.evidence, 'piece of evidence', 'pieces of evidence') : '',
    counts.battlecards > 0 ? countOf(counts.battlecards, 'battlecard') : '',
    counts.deals > 0 ? countOf(counts.deals, 'deal record') : '',
  ].filter(Boolean);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

const STATUS_ORDER: Record<BattlecardSummary['status'], number> = {
  published: 0,
  generating: 1,
  draft: 2,
  failed: 3,
  archived: 4,
};

/** Published cards first (what sellers use), then work in progress; newest change first within. */
export function sortCards<T extends Pick<BattlecardSummary, 'status' | 'updatedAt'>>(
  cards: readonly T[],
): T[] {
  return [...cards].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.updatedAt.localeCompare(a.updatedAt),
  );
}
