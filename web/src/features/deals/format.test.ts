import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount, rankWinRates, winRateOf } from './format';

describe('parseAmount', () => {
  it('reads what people type', () => {
    expect(parseAmount('125,000')).toBe(125000);
    expect(parseAmount(' $ 9 500.50 ')).toBe(9500.5);
    expect(parseAmount('')).toBeUndefined();
    expect(parseAmount('   ')).toBeUndefined();
  });

  it('refuses what is not an amount', () => {
    expect(parseAmount('12k')).toBeNaN();
    expect(parseAmount('-5')).toBeNaN();
    expect(parseAmount('1.234')).toBeNaN();
  });
});

describe('formatAmount', () => {
  it('shows cents only when there are any', () => {
    expect(formatAmount(125000, 'USD')).not.toMatch(/\.00/);
    expect(formatAmount(99.5, 'USD')).toMatch(/99[.,]50/);
  });

  it('still shows the number with an unknown currency code', () => {
    expect(formatAmount(10, 'ZZZ1')).toContain('ZZZ1');
  });
});

describe('winRateOf', () => {
  it('ignores undecided deals and is null without decided ones', () => {
    expect(winRateOf(3, 1)).toBe(0.75);
    expect(winRateOf(0, 0)).toBeNull();
  });
});

describe('rankWinRates', () => {
  it('drops competitors without deals and puts the most decided deals first', () => {
    const row = (competitorName: string, won: number, lost: number, noDecision: number) => ({
      competitorName,
      won,
      lost,
      noDecision,
    });
    const ranked = rankWinRates([
      row('Quiet', 0, 0, 0),
      row('Beta', 1, 1, 0),
      row('Acme', 5, 2, 1),
      row('Alpha', 1, 1, 0),
      row('Pending', 0, 0, 3),
    ]);
    expect(ranked.map((r) => r.competitorName)).toEqual(['Acme', 'Alpha', 'Beta', 'Pending']);
  });
});
