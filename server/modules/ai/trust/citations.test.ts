import { describe, expect, it } from 'vitest';
import type { CompetitorProfile, EvidenceFact } from '../contracts';
import { checkProfileCitations, checkWriterCitations, findQuoteSpan } from './citations';

const TEXT = 'Acme’s “Pro” plan costs $49\n  per user per month.\tIt is SOC 2 Type II certified.';

describe('findQuoteSpan', () => {
  it('accepts an exact substring as it is', () => {
    expect(findQuoteSpan(TEXT, 'SOC 2 Type II')).toBe('SOC 2 Type II');
  });

  it('recovers the exact original span when only whitespace or quotation marks changed', () => {
    expect(findQuoteSpan(TEXT, 'Acme\'s "Pro" plan costs $49 per user per month.')).toBe(
      'Acme’s “Pro” plan costs $49\n  per user per month.',
    );
    expect(findQuoteSpan(TEXT, '"It is SOC 2 Type II certified."')).toBe(
      'It is SOC 2 Type II certified.',
    );
    expect(findQuoteSpan(TEXT, 'month. It is')).toBe('month.\tIt is');
  });

  it('rejects paraphrases and invented text', () => {
    expect(findQuoteSpan(TEXT, 'Pro plan costs $59 per user per month')).toBeUndefined();
    expect(findQuoteSpan(TEXT, 'ISO 27001 certified')).toBeUndefined();
    expect(findQuoteSpan(TEXT, '   ')).toBeUndefined();
  });
});

const E1 = '00000000-0000-4000-8000-000000000001';
const E2 = '00000000-0000-4000-8000-000000000002';
const at = '2026-01-01T00:00:00.000Z';
const fact = (evidenceId: string, quote: string): EvidenceFact => ({
  evidenceId,
  evidenceKind: 'webpage',
  evidenceTitle: 'Pricing',
  capturedAt: at,
  publishedAt: null,
  fact: { category: 'pricing', value: 'Pro $49', confidence: 0.9, quote },
});
const profile = (citations: { evidenceId: string; quote: string }[]): CompetitorProfile => ({
  overview: 'x',
  facts: [
    {
      category: 'pricing',
      value: 'Pro $49',
      confidence: 0.9,
      score: 1,
      citations: citations.map((c) => ({ ...c, capturedAt: at })),
      conflictKey: null,
      latestAt: at,
    },
  ],
});

describe('profile and writer citations', () => {
  it('keeps only (evidence, quote) pairs that were in the input facts', () => {
    const input = [fact(E1, 'Pro costs $49'), fact(E2, 'SOC 2 Type II')];
    const checked = checkProfileCitations(
      profile([
        { evidenceId: E1, quote: 'Pro costs $49' },
        { evidenceId: E2, quote: 'Pro costs $49' },
      ]),
      input,
    );
    expect(checked.dropped).toBe(1);
    expect(checked.profile.facts[0]!.citations).toEqual([
      { evidenceId: E1, quote: 'Pro costs $49', capturedAt: at },
    ]);
    const none = checkProfileCitations(profile([{ evidenceId: E1, quote: 'made up' }]), input);
    expect(none.profile.facts).toEqual([]);
    expect(none.dropped).toBe(2);
  });

  it('lets a writer claim quote all or part of a profile quote of the same evidence only', () => {
    const p = profile([{ evidenceId: E1, quote: 'Pro costs $49 per user' }]);
    const claim = (evidenceId: string, quote: string) => ({
      section: 'pricing' as const,
      text: 'Pro is $49',
      audience: 'internal' as const,
      confidence: 0.8,
      citations: [{ evidenceId, quote }],
    });
    const checked = checkWriterCitations(
      {
        claims: [
          claim(E1, 'Pro costs $49'),
          claim(E2, 'Pro costs $49'),
          claim(E1, 'Pro costs $59'),
        ],
        emptySections: [],
      },
      p,
    );
    expect(checked.output.claims).toHaveLength(1);
    expect(checked.dropped).toBe(4);
  });
});
