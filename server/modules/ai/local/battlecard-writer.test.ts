import { describe, expect, it } from 'vitest';
import { SECTION_KEYS } from '../../../../common/battlecard-sections';
import {
  BattlecardWriterOutputSchema,
  type BattlecardWriterInput,
  type BattlecardWriterOutput,
  type CompetitorProfile,
} from '../contracts';
import { writeBattlecard } from './battlecard-writer';
import { FILL_IN_PRODUCT } from './writer/empty-notes';
import {
  EMPTY_PRODUCT,
  helpforgeEvidence,
  helpforgeInput,
  helpforgeProfile,
  tidewell,
} from './writer/sample-helpforge';

/** Every (evidenceId, quote) pair the profile offers: the only citations a claim may use. */
function profileCitations(profile: CompetitorProfile): Set<string> {
  const pairs = new Set<string>();
  for (const fact of profile.facts) {
    for (const citation of fact.citations) pairs.add(`${citation.evidenceId}|${citation.quote}`);
  }
  return pairs;
}

function expectCitedFromProfile(output: BattlecardWriterOutput, profile: CompetitorProfile) {
  const allowed = profileCitations(profile);
  for (const claim of output.claims) {
    expect(claim.citations.length).toBeGreaterThan(0);
    for (const citation of claim.citations) {
      expect(allowed.has(`${citation.evidenceId}|${citation.quote}`)).toBe(true);
    }
  }
}

const section = (output: BattlecardWriterOutput, key: string) =>
  output.claims.filter((claim) => claim.section === key);

describe('writeBattlecard over a realistic Helpforge profile', () => {
  const output = writeBattlecard(helpforgeInput());

  it('passes the output schema and fills every section', () => {
    expect(BattlecardWriterOutputSchema.parse(output)).toEqual(output);
    expect(output.emptySections).toEqual([]);
    for (const key of SECTION_KEYS) expect(section(output, key).length).toBeGreaterThan(0);
  });

  it('cites only quotes taken verbatim from the profile, and those quotes are in the evidence', () => {
    expectCitedFromProfile(output, helpforgeProfile);
    const texts = new Map(Object.values(helpforgeEvidence).map((e) => [e.id, e.text]));
    for (const claim of output.claims) {
      for (const citation of claim.citations) {
        expect(texts.get(citation.evidenceId)).toContain(citation.quote);
      }
    }
  });

  it('keeps claims short, plain and within the caps, in section order', () => {
    for (const claim of output.claims) {
      expect(claim.text.length).toBeLessThanOrEqual(240);
      expect(claim.text).not.toMatch(/[<>*`#]|\s{2}/);
      expect(claim.text).toMatch(/[.!?…"”)]$/);
      expect(claim.citations.length).toBeLessThanOrEqual(10);
    }
    for (const key of SECTION_KEYS) expect(section(output, key).length).toBeLessThanOrEqual(6);
    expect(section(output, 'overview').length).toBeLessThanOrEqual(3);
    const talking = section(output, 'talking_points').length;
    expect(talking).toBeGreaterThanOrEqual(3);
    expect(talking).toBeLessThanOrEqual(5);
    const order = output.claims.map((claim) => SECTION_KEYS.indexOf(claim.section));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('marks our reading of them internal and public facts shareable', () => {
    for (const claim of output.claims) {
      const expected = ['overview', 'pricing', 'customers', 'news'].includes(claim.section)
        ? 'shareable'
        : 'internal';
      expect(claim.audience).toBe(expected);
    }
  });

  it('gives every objection a response, and only objections have one', () => {
    for (const claim of output.claims) {
      if (claim.section === 'objections') {
        expect(claim.response?.length ?? 0).toBeGreaterThan(20);
      } else {
        expect(claim.response).toBeUndefined();
      }
    }
  });

  it('answers a strength we share with our matching capability', () => {
    const copilot = section(output, 'objections').find((claim) => /Copilot/.test(claim.text));
    expect(copilot?.response).toMatch(/Tidewell covers this too: AI reply drafts/);
  });

  it('contrasts our capabilities with their documented gaps, citing their evidence', () => {
    const win = section(output, 'how_we_win');
    const drive = win.find((claim) => /Google Drive/.test(claim.text));
    expect(drive?.text).toMatch(/Tidewell:/);
    expect(drive?.citations.map((c) => c.quote)).toContain(
      'Copilot currently reads knowledge from Helpforge Guide articles only.',
    );
    const price = win.find((claim) => /entry price/.test(claim.text));
    expect(price?.text).toContain('$29 per agent per month');
    expect(price?.text).toContain('$55 per agent per month');
    expect(win.some((claim) => /seat minimum/i.test(claim.text))).toBe(true);
  });

  it('plants landmine questions on their weaknesses', () => {
    const landmines = section(output, 'landmines');
    for (const claim of landmines) expect(claim.text).toMatch(/^Ask /);
    expect(landmines.some((claim) => /uptime history/.test(claim.text))).toBe(true);
  });

  it('shows conflicting prices side by side, newest first, saying which is newer', () => {
    const conflict = section(output, 'pricing').find((claim) => /conflicting/.test(claim.text));
    expect(conflict).toBeDefined();
    const text = conflict!.text;
    expect(text).toContain('$135');
    expect(text).toContain('$95');
    expect(text.indexOf('$135')).toBeLessThan(text.indexOf('$95'));
    expect(text).toMatch(/newer/);
    expect(conflict!.citations).toHaveLength(2);
  });

  it('lists news newest first, dated', () => {
    const news = section(output, 'news');
    expect(news[0]!.text).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}: Forge AI Copilot/);
    expect(news[1]!.text).toMatch(/EU-1 incident/);
  });

  it('is deterministic', () => {
    expect(writeBattlecard(helpforgeInput())).toEqual(output);
    const shuffledFocus = writeBattlecard(helpforgeInput({ focusAreas: ['pricing', 'AI'] }));
    expect(writeBattlecard(helpforgeInput({ focusAreas: ['pricing', 'AI'] }))).toEqual(
      shuffledFocus,
    );
  });
});

describe('writeBattlecard: sections, empty sections and our product', () => {
  it('writes only the sections asked for', () => {
    const output = writeBattlecard(helpforgeInput({ sections: ['pricing', 'landmines'] }));
    expect(new Set(output.claims.map((claim) => claim.section))).toEqual(
      new Set(['pricing', 'landmines']),
    );
    expect(output.emptySections).toEqual([]);
  });

  it('reports sections without evidence instead of padding them', () => {
    const profile: CompetitorProfile = {
      overview: helpforgeProfile.overview,
      facts: helpforgeProfile.facts.filter(
        (fact) => fact.category !== 'pricing' && fact.category !== 'news',
      ),
    };
    const output = writeBattlecard(helpforgeInput({ profile }));
    expect(section(output, 'pricing')).toEqual([]);
    expect(section(output, 'news')).toEqual([]);
    const notes = Object.fromEntries(output.emptySections.map((e) => [e.section, e.note]));
    expect(notes.pricing).toMatch(/pricing page/);
    expect(notes.news).toMatch(/RSS|blog|press/);
    expect(BattlecardWriterOutputSchema.safeParse(output).success).toBe(true);
  });

  it('writes nothing but notes for an empty profile', () => {
    const output = writeBattlecard(
      helpforgeInput({ profile: { overview: 'Helpforge sells a help desk.', facts: [] } }),
    );
    expect(output.claims).toEqual([]);
    expect(output.emptySections.map((e) => e.section)).toEqual([...SECTION_KEYS]);
    for (const empty of output.emptySections) expect(empty.note.length).toBeGreaterThan(30);
  });

  it('still writes the competitor side when our product is not filled in', () => {
    const output = writeBattlecard(helpforgeInput({ product: EMPTY_PRODUCT }));
    expect(section(output, 'how_we_win')).toEqual([]);
    expect(output.emptySections).toContainEqual({ section: 'how_we_win', note: FILL_IN_PRODUCT });
    for (const key of ['overview', 'strengths', 'weaknesses', 'pricing', 'landmines'] as const) {
      expect(section(output, key).length).toBeGreaterThan(0);
    }
    for (const claim of section(output, 'objections')) {
      expect(claim.response).toMatch(/^Acknowledge it/);
      expect(claim.response).not.toMatch(/Tidewell/);
    }
    expect(output.claims.some((claim) => /Tidewell:/.test(claim.text))).toBe(false);
  });

  it('contrasts only where they lack what we have, not where both have it', () => {
    const base: BattlecardWriterInput = helpforgeInput({
      product: {
        ...tidewell,
        capabilities: ['HIPAA compliance with a signed BAA'],
        pricing: '',
        proofPoints: [],
      },
      profile: {
        overview: '',
        facts: [
          fact('compliance', 'SOC 2 Type II', 'Helpforge holds a SOC 2 Type II report.'),
          fact('compliance', 'ISO 27001', 'Helpforge is ISO 27001 certified.'),
        ],
      },
    });
    const gap = writeBattlecard(base);
    const win = section(gap, 'how_we_win');
    expect(win).toHaveLength(1);
    expect(win[0]!.text).toMatch(
      /Tidewell covers HIPAA; Helpforge's security evidence lists SOC 2 Type II and ISO 27001/,
    );
    expect(win[0]!.citations.map((c) => c.quote)).toEqual([
      'Helpforge holds a SOC 2 Type II report.',
      'Helpforge is ISO 27001 certified.',
    ]);

    const both = writeBattlecard({
      ...base,
      profile: {
        overview: '',
        facts: [
          ...base.profile.facts,
          fact('compliance', 'HIPAA', 'Helpforge signs a BAA for HIPAA.'),
        ],
      },
    });
    expect(section(both, 'how_we_win')).toEqual([]);
    expect(both.emptySections.map((e) => e.section)).toContain('how_we_win');
  });
});

let factCounter = 0;
function fact(
  category: CompetitorProfile['facts'][number]['category'],
  value: string,
  quote: string,
): CompetitorProfile['facts'][number] {
  factCounter += 1;
  return {
    category,
    value,
    confidence: 0.8,
    score: 1,
    citations: [
      {
        evidenceId: `00000000-0000-4000-8000-${factCounter.toString(16).padStart(12, '0')}`,
        quote,
        capturedAt: '2026-10-01T00:00:00.000Z',
      },
    ],
    conflictKey: null,
    latestAt: '2026-10-01T00:00:00.000Z',
  };
}
