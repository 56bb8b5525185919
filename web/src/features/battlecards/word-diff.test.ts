import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords, tokenize, type DiffSegment } from './word-diff';

const side = (segments: DiffSegment[], keep: 'delete' | 'insert') =>
  segments
    .filter((s) => s.kind === 'equal' || s.kind === keep)
    .map((s) => s.text)
    .join('');

describe('tokenize', () => {
  it('splits words, whitespace and punctuation, keeping every character', () => {
    expect(tokenize("It's $49/seat, billed yearly.")).toEqual([
      "It's",
      ' ',
      '$',
      '49',
      '/',
      'seat',
      ',',
      ' ',
      'billed',
      ' ',
      'yearly',
      '.',
    ]);
  });
});

describe('diffWords', () => {
  it('returns one equal segment for identical text, nothing for two empty texts', () => {
    expect(diffWords('Same text', 'Same text')).toEqual([{ kind: 'equal', text: 'Same text' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('marks a changed word, leaving the rest equal', () => {
    expect(diffWords('Pricing starts at $49 per seat.', 'Pricing starts at $59 per seat.')).toEqual(
      [
        { kind: 'equal', text: 'Pricing starts at $' },
        { kind: 'delete', text: '49' },
        { kind: 'insert', text: '59' },
        { kind: 'equal', text: ' per seat.' },
      ],
    );
  });

  it('marks added and removed words', () => {
    expect(diffWords('No SSO on the starter plan', 'No SSO or SCIM on the starter plan')).toEqual([
      { kind: 'equal', text: 'No SSO ' },
      { kind: 'insert', text: 'or SCIM ' },
      { kind: 'equal', text: 'on the starter plan' },
    ]);
    expect(diffWords('Slow, expensive onboarding', 'Slow onboarding')).toEqual([
      { kind: 'equal', text: 'Slow' },
      { kind: 'delete', text: ', expensive' },
      { kind: 'equal', text: ' onboarding' },
    ]);
  });

  it('joins neighbouring changed words across a single space', () => {
    expect(diffWords('the quick brown fox', 'a slow brown fox')).toEqual([
      { kind: 'delete', text: 'the quick' },
      { kind: 'insert', text: 'a slow' },
      { kind: 'equal', text: ' brown fox' },
    ]);
  });

  it('handles a text that was emptied or written from nothing', () => {
    expect(diffWords('', 'New claim')).toEqual([{ kind: 'insert', text: 'New claim' }]);
    expect(diffWords('Old claim', '')).toEqual([{ kind: 'delete', text: 'Old claim' }]);
  });

  it('always rebuilds both texts exactly and never repeats a kind back to back', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'cat', 'dog', ' ', ', ', '.', '\n', 'é', '42'), {
        maxLength: 30,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const segments = diffWords(before, after);
        expect(side(segments, 'delete')).toBe(before);
        expect(side(segments, 'insert')).toBe(after);
        for (let i = 1; i < segments.length; i++) {
          expect(segments[i]!.kind).not.toBe(segments[i - 1]!.kind);
        }
        for (const segment of segments) expect(segment.text).not.toBe('');
      }),
    );
  });

  it('falls back to replace-all on enormous inputs without hanging', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const segments = diffWords(before, after);
    expect(side(segments, 'delete')).toBe(before);
    expect(side(segments, 'insert')).toBe(after);
  });
});
