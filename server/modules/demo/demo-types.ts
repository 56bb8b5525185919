import type { SectionKey } from '../../../common/battlecards';
import type { CompetitorTier, MANUAL_EVIDENCE_KINDS } from '../../../common/competitors';
import type { DealOutcome } from '../../../common/deals';
import type { ProofPoint } from '../../../common/product';

/**
 * The demo workspace as plain data: what a product marketer would have gathered about three
 * rivals after a few months. Dates are "days before the seed", so the demo never looks old.
 * All companies, people and numbers are invented for Ringside; websites use the reserved
 * `.example` domain.
 */

export interface DemoProduct {
  name: string;
  pitch: string;
  capabilities: string[];
  pricing: string;
  proofPoints: ProofPoint[];
}

export interface DemoEvidence {
  /** Referenced by claims in this file only; never stored. */
  key: string;
  kind: (typeof MANUAL_EVIDENCE_KINDS)[number];
  title: string;
  url?: string;
  daysAgo: number;
  /** Paragraphs, joined with blank lines when stored. */
  paragraphs: string[];
}

export interface DemoCitation {
  evidence: string;
  /** Must appear, character for character, in the cited evidence. */
  quote: string;
}

export interface DemoClaim {
  text: string;
  /** Objections only. */
  response?: string;
  audience: 'internal' | 'shareable';
  confidence: number;
  cites: DemoCitation[];
  /** Marked stale with this reason, so the card shows what needs re-checking. */
  staleReason?: string;
  /** Marked verified by the demo owner. */
  verified?: boolean;
}

export interface DemoDeal {
  name: string;
  outcome: DealOutcome;
  amount: number;
  daysAgo: number;
  reasons: string[];
  objections: {
    /** Index into the card's objections section, when the objection was one of them. */
    objection?: number;
    text?: string;
    responseUsed?: string;
    effective?: boolean;
  }[];
  notes?: string;
}

export interface DemoCompetitor {
  name: string;
  website: string;
  summary: string;
  tier: CompetitorTier;
  tags: string[];
  evidence: DemoEvidence[];
  battlecard: {
    segment: string;
    title: string;
    sections: Record<SectionKey, DemoClaim[]>;
  };
  deals: DemoDeal[];
}

/** The stored text of a piece of demo evidence. */
export const evidenceContent = (evidence: DemoEvidence): string => evidence.paragraphs.join('\n\n');
