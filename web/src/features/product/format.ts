/** Labels and list handling for the product profile form. */
import type { ProofPoint } from '../../../../common/product';

export type ProofPointKind = ProofPoint['kind'];

export const PROOF_KINDS = [
  'customer',
  'metric',
  'award',
  'quote',
] as const satisfies readonly ProofPointKind[];

export const proofKindLabel: Record<ProofPointKind, string> = {
  customer: 'Customer',
  metric: 'Metric',
  award: 'Award',
  quote: 'Quote',
};

export const proofKindExample: Record<ProofPointKind, string> = {
  customer: 'e.g. Globex moved 400 sellers over in one quarter',
  metric: 'e.g. Cards open in under 300 ms',
  award: 'e.g. G2 Leader, Competitive Intelligence, Spring',
  quote: 'e.g. “Our reps finally trust the battlecards.” — VP Sales, Initech',
};

/** The limits of ProductBodySchema (common/product.ts), copied so zod stays out of the bundle. */
export const PRODUCT_LIMITS = {
  name: 120,
  pitch: 300,
  capability: 200,
  capabilities: 100,
  pricing: 5000,
  proofPoint: 300,
  proofPoints: 100,
} as const;

/**
 * A pasted block of text as list entries: one per line, bullets and numbering ("-", "•", "*",
 * "1.", "2)") removed, blank lines dropped.
 */
export function splitPastedList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .trim()
        .replace(/^([-–•*·]|\d+[.)])\s+/, '')
        .trim(),
    )
    .filter(Boolean);
}
