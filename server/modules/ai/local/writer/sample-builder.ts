import type { CompetitorProfile, FactCategory, ProfileFact } from '../../contracts';

/**
 * Builds hand-written competitor profiles for the writer's tests and for reading a sample card:
 * evidence texts plus facts whose quotes are checked, at build time, to be exact substrings of
 * the evidence they cite — the same guarantee the competitive-intelligence agent gives.
 */

export interface SampleEvidence {
  id: string;
  title: string;
  capturedAt: string;
  text: string;
}

export interface SampleFact {
  category: FactCategory;
  value: string;
  confidence: number;
  score: number;
  /** [evidence key, exact quote] */
  cites: [string, string][];
  conflictKey?: string;
}

export interface SampleProfile {
  evidence: Record<string, SampleEvidence>;
  profile: CompetitorProfile;
}

/** A stable UUID (v4 layout) from a small number, so fixtures never change between runs. */
export function sampleUuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function buildSampleProfile(
  evidence: Record<string, SampleEvidence>,
  overview: string,
  facts: SampleFact[],
): SampleProfile {
  const profileFacts = facts.map((fact): ProfileFact => {
    const citations = fact.cites.map(([key, quote]) => {
      const source = evidence[key];
      if (!source) throw new Error(`sample fact "${fact.value}" cites unknown evidence ${key}`);
      if (!source.text.includes(quote)) {
        throw new Error(`sample quote is not in evidence ${key}: ${quote}`);
      }
      return { evidenceId: source.id, quote, capturedAt: source.capturedAt };
    });
    citations.sort((a, b) => b.capturedAt.localeCompare(a.capturedAt));
    return {
      category: fact.category,
      value: fact.value,
      confidence: fact.confidence,
      score: fact.score,
      citations,
      conflictKey: fact.conflictKey ?? null,
      latestAt: citations[0]!.capturedAt,
    };
  });
  profileFacts.sort((a, b) => b.score - a.score);
  return { evidence, profile: { overview, facts: profileFacts } };
}
