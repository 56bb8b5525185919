import type { Claim, Section, SectionKey } from '../../../common/battlecards';
import type { ExportAudience } from '../../../common/export-formats';

/**
 * The layout model every format renders: the card as a reader holds it, already filtered for
 * the audience, with citations turned into numbered notes. The renderers decide only how it
 * looks, never what is in it — so a shareable PDF, DOCX and Markdown leave out the same claims.
 */
/** One cited source (evidence), however many claims and quotes cite it. */
export interface ExportNote {
  /** 1-based, in order of first citation. */
  number: number;
  title: string;
  url: string | null;
  capturedAt: Date;
  /** The exact passages quoted from it, in order of first citation (none when shareable). */
  quotes: string[];
}

export interface ExportItem {
  text: string;
  /** Objections only: what the seller answers. */
  response: string | null;
  internal: boolean;
  stale: boolean;
  staleReason: string | null;
  /** Numbers of the notes this claim cites, ascending. */
  notes: number[];
}

export interface ExportSection {
  key: SectionKey;
  title: string;
  items: ExportItem[];
}

export interface ExportDocument {
  /** The card's title as read (a version's title for `?version=N`). */
  title: string;
  competitor: string;
  segment: string;
  audience: ExportAudience;
  /** "Version 3", "Draft", "Draft (changes since version 3)". */
  versionLabel: string;
  /** Published version number, or null for a draft copy. */
  version: number | null;
  publishedAt: Date | null;
  exportedAt: Date;
  /** Non-empty sections only, in the card's fixed order. */
  sections: ExportSection[];
  notes: ExportNote[];
  /** Claims left out because they are internal (shareable exports only). */
  omittedInternal: number;
}

/** What the service hands over: the card as the caller reads it, and how to label it. */
export interface ExportSource {
  title: string;
  competitor: string;
  segment: string;
  sections: Section[];
  versionLabel: string;
  version: number | null;
  publishedAt: Date | null;
}

/** Builds the model; `now` is the export's date (a parameter, so tests can pin it). */
export function buildExportDocument(
  source: ExportSource,
  audience: ExportAudience,
  now: Date = new Date(),
): ExportDocument {
  const notes: ExportNote[] = [];
  const byEvidence = new Map<string, ExportNote>();
  let omittedInternal = 0;

  const itemOf = (claim: Claim): ExportItem => {
    const numbers = new Set<number>();
    for (const citation of claim.citations) {
      let note = byEvidence.get(citation.evidenceId);
      if (!note) {
        note = {
          number: notes.length + 1,
          title: citation.title,
          url: citation.url,
          capturedAt: new Date(citation.capturedAt),
          quotes: [],
        };
        byEvidence.set(citation.evidenceId, note);
        notes.push(note);
      }
      // A shareable file names its sources but does not quote them: the evidence behind a
      // shareable claim (call notes, win/loss interviews) is often internal itself.
      if (audience === 'all' && !note.quotes.includes(citation.quote)) {
        note.quotes.push(citation.quote);
      }
      numbers.add(note.number);
    }
    return {
      text: claim.text,
      response: claim.response ?? null,
      internal: claim.audience === 'internal',
      stale: claim.stale,
      staleReason: claim.staleReason,
      notes: [...numbers].sort((a, b) => a - b),
    };
  };

  const sections: ExportSection[] = [];
  for (const section of source.sections) {
    const items: ExportItem[] = [];
    for (const claim of section.claims) {
      if (audience === 'shareable' && claim.audience !== 'shareable') {
        omittedInternal++;
        continue;
      }
      items.push(itemOf(claim));
    }
    if (items.length > 0) sections.push({ key: section.key, title: section.title, items });
  }

  return {
    title: source.title,
    competitor: source.competitor,
    segment: source.segment,
    audience,
    versionLabel: source.versionLabel,
    version: source.version,
    publishedAt: source.publishedAt,
    exportedAt: now,
    sections,
    notes,
    omittedInternal,
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "27 Nov 2026" (UTC): unambiguous wherever a sales team works. */
export function formatDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "Internal" or "Shareable": the marking every format puts on its first page. */
export const markingOf = (doc: ExportDocument) =>
  doc.audience === 'shareable' ? 'Shareable' : 'Internal';

/** One line under the title: what this copy is. */
export function metaLine(doc: ExportDocument): string {
  const parts = [`${doc.segment} segment`, doc.versionLabel];
  if (doc.publishedAt && doc.version !== null)
    parts.push(`published ${formatDate(doc.publishedAt)}`);
  parts.push(`exported ${formatDate(doc.exportedAt)}`);
  return parts.join(' · ');
}

/** What the marking means, for the reader who gets the file. */
export function markingNote(doc: ExportDocument): string {
  if (doc.audience === 'shareable') {
    return 'Shareable: only claims cleared for customers and partners.';
  }
  return 'Internal: for our team only. Claims marked "Internal only" must not be shared.';
}

/** The file's text encoding of whitespace: claims are paragraphs, never multi-line blocks. */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
