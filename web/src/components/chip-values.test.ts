import { describe, expect, it } from 'vitest';
import { mergeChips } from './chip-values';

describe('mergeChips', () => {
  it('splits on commas and line breaks and trims each entry', () => {
    expect(mergeChips([], ' enterprise, smb \n mid-market ,')).toEqual([
      'enterprise',
      'smb',
      'mid-market',
    ]);
  });

  it('does not add an entry twice, ignoring case', () => {
    expect(mergeChips(['Price'], 'price, PRICE, Support')).toEqual(['Price', 'Support']);
  });

  it('collapses inner whitespace and drops blanks', () => {
    expect(mergeChips([], 'lost   on  price, ,  ')).toEqual(['lost on price']);
  });

  it('stops at the maximum', () => {
    expect(mergeChips(['a'], 'b, c, d', 3)).toEqual(['a', 'b', 'c']);
  });
});
