import { describe, expect, it } from 'vitest';
import type { Claim, Section } from '../../../../common/battlecards';
import { claimMatches, filterSections, highlightText, searchTerms } from './claim-filter';

function claim(id: string, text: string, response?: string): Claim {
  return {
    id,
    text,
    ...(response === undefined ? {} : { response }),
    audience: 'shareable',
    confidence: 0.8,
    stale: false,
    staleReason: null,
    verifiedBy: null,
    verifiedAt: null,
    citations: [],
  };
}

const sections: Section[] = [
  {
    key: 'strengths',
    title: 'Their strengths',
    claims: [claim('s1', 'Strong Salesforce integration'), claim('s2', 'Large partner network')],
  },
  {
    key: 'objections',
    title: 'Objection handling',
    claims: [claim('o1', 'They are cheaper', 'Our pricing includes SSO and onboarding.')],
  },
  { key: 'news', title: 'Recent news', claims: [] },
];

describe('searchTerms', () => {
  it('lower-cases, splits on whitespace, drops duplicates, longest first', () => {
    expect(searchTerms('  SSO  pricing sso ')).toEqual(['pricing', 'sso']);
    expect(searchTerms('   ')).toEqual([]);
  });
});

describe('claimMatches', () => {
  it('needs every word, in the text or the response, in any case', () => {
    expect(claimMatches(sections[1]!.claims[0]!, ['cheaper', 'sso'])).toBe(true);
    expect(claimMatches(sections[1]!.claims[0]!, ['cheaper', 'gdpr'])).toBe(false);
    expect(claimMatches(sections[0]!.claims[0]!, [])).toBe(true);
  });
});

describe('filterSections', () => {
  it('keeps every section in order with only matching claims, and counts them', () => {
    const result = filterSections(sections, 'salesforce');
    expect(result.matchCount).toBe(1);
    expect(result.sections.map((s) => s.key)).toEqual(['strengths', 'objections', 'news']);
    expect(result.sections[0]!.claims.map((c) => c.id)).toEqual(['s1']);
    expect(result.sections[1]!.claims).toEqual([]);
  });

  it('returns the sections untouched for an empty query', () => {
    const result = filterSections(sections, '');
    expect(result.matchCount).toBe(3);
    expect(result.sections[0]).toBe(sections[0]);
  });
});

describe('highlightText', () => {
  it('marks every occurrence of every term, keeping the original case', () => {
    expect(highlightText('SSO costs extra; sso is standard for us', ['sso'])).toEqual([
      { text: 'SSO', match: true },
      { text: ' costs extra; ', match: false },
      { text: 'sso', match: true },
      { text: ' is standard for us', match: false },
    ]);
  });

  it('prefers the longer term where two overlap', () => {
    expect(highlightText('Pricing page', searchTerms('pric pricing'))).toEqual([
      { text: 'Pricing', match: true },
      { text: ' page', match: false },
    ]);
  });

  it('treats regular-expression characters literally', () => {
    expect(highlightText('Costs $49 (per seat)', ['$49', '(per'])).toEqual([
      { text: 'Costs ', match: false },
      { text: '$49', match: true },
      { text: ' ', match: false },
      { text: '(per', match: true },
      { text: ' seat)', match: false },
    ]);
  });

  it('returns the text unmarked without terms', () => {
    expect(highlightText('Plain', [])).toEqual([{ text: 'Plain', match: false }]);
    expect(highlightText('', ['x'])).toEqual([]);
  });
});
