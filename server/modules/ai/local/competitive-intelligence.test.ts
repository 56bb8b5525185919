import { describe, expect, it } from 'vitest';
import { CompetitorProfileSchema, type EvidenceFact, type Fact } from '../contracts';
import { buildProfile } from './competitive-intelligence';

const competitor = { name: 'Acme', website: 'https://acme.example', summary: '' };
let n = 0;
function ev(fact: Fact, capturedAt: string, id?: string): EvidenceFact {
  n++;
  return {
    evidenceId: id ?? `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    evidenceKind: 'webpage',
    evidenceTitle: `doc ${n}`,
    capturedAt,
    publishedAt: null,
    fact,
  };
}
const fact = (
  category: Fact['category'],
  value: string,
  quote = value,
  confidence = 0.8,
): Fact => ({
  category,
  value,
  confidence,
  quote,
});

describe('competitive_intelligence (local)', () => {
  it('merges equal facts across evidence: citations newest first, confidence rises', () => {
    const profile = buildProfile({
      competitor,
      facts: [
        ev(fact('compliance', 'SOC 2 Type II', 'SOC 2 Type II certified'), '2025-01-01T00:00:00Z'),
        ev(fact('compliance', 'soc 2 type ii', 'We hold SOC 2 Type II'), '2026-01-01T00:00:00Z'),
      ],
    });
    expect(CompetitorProfileSchema.parse(profile)).toEqual(profile);
    expect(profile.facts).toHaveLength(1);
    const [merged] = profile.facts;
    expect(merged!.citations.map((c) => c.quote)).toEqual([
      'We hold SOC 2 Type II',
      'SOC 2 Type II certified',
    ]);
    expect(merged!.confidence).toBeGreaterThan(0.8);
    expect(merged!.conflictKey).toBeNull();
  });

  it('merges near-identical wordings of a strength', () => {
    const profile = buildProfile({
      competitor,
      facts: [
        ev(fact('strength', 'Very easy to use'), '2025-01-01T00:00:00Z'),
        ev(fact('strength', 'easy to use'), '2025-02-01T00:00:00Z'),
        ev(fact('weakness', 'Reporting is slow'), '2025-02-01T00:00:00Z'),
      ],
    });
    expect(profile.facts.filter((f) => f.category === 'strength')).toHaveLength(1);
  });

  it('keeps two prices for one plan side by side, flagged, newest first', () => {
    const profile = buildProfile({
      competitor,
      facts: [
        ev(fact('pricing', 'Pro plan: $49 per user/month'), '2025-01-01T00:00:00Z'),
        ev(fact('pricing', 'Pro plan: $59 per user/month'), '2026-03-01T00:00:00Z'),
        ev(fact('pricing', 'Starter plan: $19 per user/month'), '2026-03-01T00:00:00Z'),
        ev(fact('company', 'Founded in 2016'), '2025-01-01T00:00:00Z'),
        ev(fact('company', 'Founded in 2017'), '2024-01-01T00:00:00Z'),
      ],
    });
    const pro = profile.facts.filter((f) => f.value.startsWith('Pro plan'));
    expect(pro.map((f) => f.value)).toEqual([
      'Pro plan: $59 per user/month',
      'Pro plan: $49 per user/month',
    ]);
    expect(pro[0]!.conflictKey).not.toBeNull();
    expect(pro[0]!.conflictKey).toBe(pro[1]!.conflictKey);
    const i = profile.facts.indexOf(pro[0]!);
    expect(profile.facts[i + 1]).toBe(pro[1]);
    expect(profile.facts.find((f) => f.value.startsWith('Starter'))!.conflictKey).toBeNull();
    const founded = profile.facts.filter((f) => f.value.startsWith('Founded'));
    expect(founded.map((f) => f.value)).toEqual(['Founded in 2016', 'Founded in 2017']);
    expect(founded[0]!.conflictKey).toBe('company:founded');
  });

  it('ranks by salience and recency, and writes an overview only from facts', () => {
    const profile = buildProfile({
      competitor,
      facts: [
        ev(fact('feature', 'Kanban boards'), '2026-01-01T00:00:00Z'),
        ev(fact('pricing', 'Pro plan: $49 per user/month'), '2026-01-01T00:00:00Z'),
        ev(fact('customer', 'Globex'), '2026-01-01T00:00:00Z'),
        ev(fact('compliance', 'ISO 27001'), '2026-01-01T00:00:00Z'),
        ev(fact('company', 'Headquartered in Berlin'), '2026-01-01T00:00:00Z'),
        ev(fact('pricing', 'Free plan available'), '2020-01-01T00:00:00Z'),
      ],
    });
    expect(profile.facts[0]!.value).toBe('Pro plan: $49 per user/month');
    const scores = profile.facts.map((f) => f.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const free = profile.facts.find((f) => f.value === 'Free plan available')!;
    expect(free.score).toBeLessThan(profile.facts[0]!.score / 2);
    expect(profile.overview).toContain('headquartered in Berlin');
    expect(profile.overview).toContain('ISO 27001');
    expect(profile.overview).toContain('Globex');
    const sentences = profile.overview.split(/(?<=\.)\s+/);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
  });

  it('answers an empty profile with an honest overview', () => {
    const profile = buildProfile({ competitor, facts: [] });
    expect(profile.facts).toEqual([]);
    expect(profile.overview).toMatch(/No facts/);
  });
});
