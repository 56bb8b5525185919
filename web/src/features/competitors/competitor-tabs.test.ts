import { describe, expect, it } from 'vitest';
import { tabOf } from './competitor-tabs';

describe('tabOf', () => {
  const id = '6f1c2d1e-0000-4000-8000-000000000001';

  it('reads the tab from the first segment after the id', () => {
    expect(tabOf(`/competitors/${id}`, id)).toBe('overview');
    expect(tabOf(`/competitors/${id}/evidence`, id)).toBe('evidence');
    expect(tabOf(`/competitors/${id}/evidence/abc`, id)).toBe('evidence');
    expect(tabOf(`/competitors/${id}/deals`, id)).toBe('deals');
  });

  it('falls back to the overview for anything else', () => {
    expect(tabOf(`/competitors/${id}/nope`, id)).toBe('overview');
    expect(tabOf('/somewhere/else', id)).toBe('overview');
  });
});
