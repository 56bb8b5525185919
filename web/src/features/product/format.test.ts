import { describe, expect, it } from 'vitest';
import { ProductBodySchema } from '../../../../common/product';
import { PRODUCT_LIMITS, splitPastedList } from './format';

describe('splitPastedList', () => {
  it('makes one entry per line without bullets, numbers or blank lines', () => {
    expect(
      splitPastedList('- SSO with SAML\n\n• Audit log\r\n* SCIM\n1. API\n2) Webhooks'),
    ).toEqual(['SSO with SAML', 'Audit log', 'SCIM', 'API', 'Webhooks']);
  });

  it('keeps hyphens that are part of the text', () => {
    expect(splitPastedList('Self-hosted\n-10% churn')).toEqual(['Self-hosted', '-10% churn']);
  });
});

describe('PRODUCT_LIMITS', () => {
  it('matches what the API accepts', () => {
    const at = (n: number) => 'x'.repeat(n);
    const valid = {
      name: at(PRODUCT_LIMITS.name),
      pitch: at(PRODUCT_LIMITS.pitch),
      capabilities: Array.from({ length: PRODUCT_LIMITS.capabilities }, () =>
        at(PRODUCT_LIMITS.capability),
      ),
      pricing: at(PRODUCT_LIMITS.pricing),
      proofPoints: Array.from({ length: PRODUCT_LIMITS.proofPoints }, () => ({
        kind: 'metric' as const,
        text: at(PRODUCT_LIMITS.proofPoint),
      })),
    };
    expect(ProductBodySchema.safeParse(valid).success).toBe(true);
    for (const over of [
      { ...valid, name: at(PRODUCT_LIMITS.name + 1) },
      { ...valid, pitch: at(PRODUCT_LIMITS.pitch + 1) },
      { ...valid, pricing: at(PRODUCT_LIMITS.pricing + 1) },
      { ...valid, capabilities: [...valid.capabilities, 'one more'] },
      { ...valid, capabilities: [at(PRODUCT_LIMITS.capability + 1)] },
      {
        ...valid,
        proofPoints: [{ kind: 'metric' as const, text: at(PRODUCT_LIMITS.proofPoint + 1) }],
      },
    ]) {
      expect(ProductBodySchema.safeParse(over).success).toBe(false);
    }
  });
});
