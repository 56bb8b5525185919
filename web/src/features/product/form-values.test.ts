import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../common/product';
import {
  bodyFrom,
  isDirty,
  listItem,
  proofPointDraft,
  rowErrors,
  valuesFrom,
  type ProductFormValues,
} from './form-values';

const product: Product = {
  name: 'Ringside',
  pitch: 'Battlecards sellers trust.',
  capabilities: ['Self-hosted', 'Cited claims'],
  pricing: 'Team: $49 per seat',
  proofPoints: [{ kind: 'metric', text: 'Cards open in 300 ms' }],
  updatedAt: null,
  updatedBy: null,
  configured: true,
  canEdit: true,
};

describe('product form values', () => {
  it('sends trimmed values without blank rows', () => {
    const values: ProductFormValues = {
      name: '  Ringside ',
      pitch: ' Pitch ',
      capabilities: [listItem(' SSO '), listItem('   '), listItem('API')],
      pricing: '\nFree tier\n',
      proofPoints: [proofPointDraft('customer', ' Globex '), proofPointDraft('award', ' ')],
    };
    expect(bodyFrom(values)).toEqual({
      name: 'Ringside',
      pitch: 'Pitch',
      capabilities: ['SSO', 'API'],
      pricing: 'Free tier',
      proofPoints: [{ kind: 'customer', text: 'Globex' }],
    });
  });

  it('starts an empty profile with one row to type into', () => {
    const empty = valuesFrom({ ...product, capabilities: [], proofPoints: [] });
    expect(empty.capabilities.map((c) => c.text)).toEqual(['']);
    expect(empty.proofPoints.map((p) => p.text)).toEqual(['']);
  });

  it('is dirty only when what would be saved differs', () => {
    const saved = valuesFrom(product);
    expect(isDirty({ ...saved, capabilities: [...saved.capabilities, listItem()] }, saved)).toBe(
      false,
    );
    expect(isDirty({ ...saved, name: 'Ringside ' }, saved)).toBe(false);
    expect(isDirty({ ...saved, pitch: 'Something else' }, saved)).toBe(true);
  });

  it('maps problems of sent entries back onto the rows on screen', () => {
    const rows = [listItem('a'), listItem(''), listItem('b')];
    const problems: Record<number, string> = { 1: 'Too long.' };
    expect(rowErrors(rows, (i) => problems[i])).toEqual([undefined, undefined, 'Too long.']);
  });
});
