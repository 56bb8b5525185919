import { describe, expect, it } from 'vitest';
import {
  EVIDENCE_CONTENT_MAX as SERVER_EVIDENCE_CONTENT_MAX,
  EVIDENCE_KINDS as SERVER_EVIDENCE_KINDS,
  MANUAL_EVIDENCE_KINDS as SERVER_MANUAL_KINDS,
} from '../../../../common/competitors';
import {
  EVIDENCE_CONTENT_MAX,
  EVIDENCE_KINDS,
  MANUAL_EVIDENCE_KINDS,
  countOf,
  dayToIso,
  describeContents,
  formatDay,
  formatPercent,
  hostOf,
  hueOf,
  initialOf,
  normalizeWebUrl,
  sortCards,
  todayAsDay,
} from './format';

describe('copies of server constants', () => {
  it('match common/competitors.ts', () => {
    expect(EVIDENCE_CONTENT_MAX).toBe(SERVER_EVIDENCE_CONTENT_MAX);
    expect([...EVIDENCE_KINDS]).toEqual([...SERVER_EVIDENCE_KINDS]);
    expect([...MANUAL_EVIDENCE_KINDS]).toEqual([...SERVER_MANUAL_KINDS]);
  });
});

describe('normalizeWebUrl', () => {
  it('adds https:// to a bare domain', () => {
    expect(normalizeWebUrl(' acme.com/pricing ')).toBe('https://acme.com/pricing');
    expect(normalizeWebUrl('//acme.com')).toBe('https://acme.com');
  });

  it('leaves a URL with a scheme for the server to judge', () => {
    expect(normalizeWebUrl('http://acme.com')).toBe('http://acme.com');
    expect(normalizeWebUrl('javascript:alert(1)')).toBe('javascript:alert(1)');
  });

  it('turns blank into null', () => {
    expect(normalizeWebUrl('   ')).toBeNull();
  });
});

describe('hostOf', () => {
  it('shows the host without www', () => {
    expect(hostOf('https://www.acme.com/pricing?x=1')).toBe('acme.com');
  });

  it('returns what it was given when that is not a URL', () => {
    expect(hostOf('not a url')).toBe('not a url');
  });
});

describe('avatars', () => {
  it('use the first letter or digit of the name', () => {
    expect(initialOf('  acme')).toBe('A');
    expect(initialOf('"Émile" Corp')).toBe('É');
    expect(initialOf('8x8')).toBe('8');
    expect(initialOf('---')).toBe('?');
  });

  it('keep a stable hue per name, whatever the case', () => {
    expect(hueOf('Acme')).toBe(hueOf('ACME'));
    expect(hueOf('Acme')).toBeGreaterThanOrEqual(0);
    expect(hueOf('Acme')).toBeLessThan(360);
  });
});

describe('days', () => {
  it('keep a picked day the same calendar day everywhere', () => {
    const iso = dayToIso('2025-03-07');
    expect(iso).toBe('2025-03-07T12:00:00.000Z');
    expect(formatDay(iso ?? '')).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2025, 2, 7)),
      ),
    );
  });

  it('treat blank or partial input as no date', () => {
    expect(dayToIso('')).toBeNull();
    expect(dayToIso('2025-3-7')).toBeNull();
  });

  it('give today as a date field value', () => {
    expect(todayAsDay(new Date(2025, 0, 5, 23, 30))).toBe('2025-01-05');
  });
});

describe('counts', () => {
  it('pluralise', () => {
    expect(countOf(1, 'claim')).toBe('1 claim');
    expect(countOf(0, 'claim')).toBe('0 claims');
    expect(countOf(2, 'piece of evidence', 'pieces of evidence')).toBe('2 pieces of evidence');
  });

  it('round percentages', () => {
    expect(formatPercent(0.625)).toBe('63%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('spell out what goes with a deleted competitor', () => {
    expect(describeContents({ evidence: 12, battlecards: 2, deals: 1 })).toBe(
      '12 pieces of evidence, 2 battlecards and 1 deal record',
    );
    expect(describeContents({ evidence: 0, battlecards: 1, deals: 3 })).toBe(
      '1 battlecard and 3 deal records',
    );
    expect(describeContents({ evidence: 1, battlecards: 0, deals: 0 })).toBe('1 piece of evidence');
    expect(describeContents({ evidence: 0, battlecards: 0, deals: 0 })).toBeUndefined();
  });
});

describe('sortCards', () => {
  it('puts published cards first, archived last, newest change first within', () => {
    const card = (id: string, status: 'published' | 'draft' | 'archived', updatedAt: string) => ({
      id,
      status,
      updatedAt,
    });
    const sorted = sortCards([
      card('old-archived', 'archived', '2025-05-01T00:00:00.000Z'),
      card('draft', 'draft', '2025-04-01T00:00:00.000Z'),
      card('old-published', 'published', '2025-01-01T00:00:00.000Z'),
      card('new-published', 'published', '2025-03-01T00:00:00.000Z'),
    ]);
    expect(sorted.map((c) => c.id)).toEqual([
      'new-published',
      'old-published',
      'draft',
      'old-archived',
    ]);
  });
});
