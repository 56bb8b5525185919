import { describe, expect, it } from 'vitest';
import { defaultComparison, inOrder, parseVersionRef, versionLabel } from './version-compare';

describe('parseVersionRef', () => {
  it('accepts positive integers and draft only', () => {
    expect(parseVersionRef('3')).toBe(3);
    expect(parseVersionRef('draft')).toBe('draft');
    for (const bad of [null, undefined, '', '0', '-1', '1.5', 'latest', '2x']) {
      expect(parseVersionRef(bad)).toBeUndefined();
    }
  });
});

describe('defaultComparison', () => {
  it('compares the latest version with the draft when there are unpublished changes', () => {
    expect(defaultComparison([1, 3, 2], true)).toEqual({ from: 3, to: 'draft' });
    expect(defaultComparison([1], true)).toEqual({ from: 1, to: 'draft' });
  });

  it('compares the previous version with the latest otherwise', () => {
    expect(defaultComparison([1, 3, 2], false)).toEqual({ from: 2, to: 3 });
  });

  it('has nothing to compare with one clean version or none', () => {
    expect(defaultComparison([1], false)).toBeNull();
    expect(defaultComparison([], true)).toBeNull();
  });
});

describe('inOrder', () => {
  it('puts the older state first', () => {
    expect(inOrder({ from: 'draft', to: 2 })).toEqual({ from: 2, to: 'draft' });
    expect(inOrder({ from: 4, to: 1 })).toEqual({ from: 1, to: 4 });
    expect(inOrder({ from: 1, to: 4 })).toEqual({ from: 1, to: 4 });
  });
});

describe('versionLabel', () => {
  it('names versions and the draft', () => {
    expect(versionLabel(2)).toBe('Version 2');
    expect(versionLabel('draft')).toBe('Draft');
  });
});
