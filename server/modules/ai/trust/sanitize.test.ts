import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundNumber, sanitizeText, truncate } from './sanitize';

describe('sanitizeText', () => {
  it('strips HTML, scripts and entity-encoded tags', () => {
    expect(sanitizeText('<b>Fast</b> setup<script>alert(1)</script>', 100)).toBe('Fast setup');
    expect(sanitizeText('&lt;script&gt;alert(1)&lt;/script&gt;Cheap', 100)).toBe('Cheap');
    expect(
      sanitizeText('<img src=x onerror=alert(1)>ok <a href="javascript:x">link</a>', 100),
    ).toBe('ok link');
    expect(sanitizeText('tail <img src=x onerror=alert(1)', 100)).toBe('tail');
    expect(sanitizeText('price < $50 & > $10', 100)).toBe('price < $50 & > $10');
  });

  it('removes zero-width, bidi, Unicode tag and control characters', () => {
    const tagged = 'SOC 2' + String.fromCodePoint(0xe0049, 0xe0047, 0xe004e) + ' Type II';
    expect(sanitizeText(tagged, 100)).toBe('SOC 2 Type II');
    expect(sanitizeText('a\u200Bb\u200Dc\uFEFFd\u2060e', 100)).toBe('abcde');
    expect(sanitizeText('safe\u202Egnp.exe\u2066x\u2069', 100)).toBe('safegnp.exex');
    expect(sanitizeText('bell\u0007 null\u0000 esc\u001B c1\u0085', 100)).toBe('bell null esc c1');
    expect(sanitizeText('lone \uD800 surrogate', 100)).toBe('lone \uFFFD surrogate');
  });

  it('removes markdown decoration a text UI would show literally', () => {
    expect(sanitizeText('**Bold** and [docs](https://x.io) `code` ## ', 100)).toBe(
      'Bold and docs code ##',
    );
  });

  it('bounds the length without splitting a surrogate pair', () => {
    expect(sanitizeText('x'.repeat(1_000_000), 300)).toHaveLength(300);
    const emoji = '😀'.repeat(10);
    const cut = truncate(emoji, 6);
    expect(cut.length).toBeLessThanOrEqual(6);
    expect(cut).toBe('😀😀…');
  });

  it('never returns markup-bearing or over-long text for arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.integer({ min: 2, max: 200 }),
        (s, max) => {
          const out = sanitizeText(s, max);
          expect(out.length).toBeLessThanOrEqual(max);
          // eslint-disable-next-line no-control-regex -- checking they are gone
          expect(out).not.toMatch(/[\u200B-\u200D\u202A-\u202E\u2066-\u2069\u0000-\u0008]/);
          expect(out).not.toMatch(/\uDB40[\uDC00-\uDC7F]/);
          expect(out).not.toMatch(/<\/?[a-z][^<>]*>/i);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('boundNumber', () => {
  it('clamps and replaces non-numbers', () => {
    expect(boundNumber(3, 0, 1, 0.5)).toBe(1);
    expect(boundNumber(-1, 0, 1, 0.5)).toBe(0);
    expect(boundNumber(Number.NaN, 0, 1, 0.5)).toBe(0.5);
    expect(boundNumber('0.7', 0, 1, 0.5)).toBe(0.5);
  });
});
