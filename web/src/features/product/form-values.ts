/** The product profile form's state, and the body it sends. */
import type { Product, ProductBody } from '../../../../common/product';
import type { ProofPointKind } from './format';

export interface ListItem {
  /** Local only: a stable React key while rows are added and removed. */
  key: number;
  text: string;
}

export interface ProofPointDraft extends ListItem {
  kind: ProofPointKind;
}

let nextKey = 1;

export function listItem(text = ''): ListItem {
  return { key: nextKey++, text };
}

export function proofPointDraft(kind: ProofPointKind = 'customer', text = ''): ProofPointDraft {
  return { key: nextKey++, kind, text };
}

export interface ProductFormValues {
  name: string;
  pitch: string;
  capabilities: ListItem[];
  pricing: string;
  proofPoints: ProofPointDraft[];
}

export function valuesFrom(product: Product): ProductFormValues {
  return {
    name: product.name,
    pitch: product.pitch,
    // An empty row to type into beats an "Add" button nobody has pressed yet.
    capabilities: product.capabilities.length
      ? product.capabilities.map((text) => listItem(text))
      : [listItem()],
    pricing: product.pricing,
    proofPoints: product.proofPoints.length
      ? product.proofPoints.map((p) => proofPointDraft(p.kind, p.text))
      : [proofPointDraft()],
  };
}

/** What is saved: trimmed, blank rows left out. */
export function bodyFrom(values: ProductFormValues): Required<ProductBody> {
  return {
    name: values.name.trim(),
    pitch: values.pitch.trim(),
    capabilities: values.capabilities.map((c) => c.text.trim()).filter(Boolean),
    pricing: values.pricing.trim(),
    proofPoints: values.proofPoints
      .map((p) => ({ kind: p.kind, text: p.text.trim() }))
      .filter((p) => p.text),
  };
}

/** Whether saving would change anything. */
export function isDirty(values: ProductFormValues, saved: ProductFormValues): boolean {
  return JSON.stringify(bodyFrom(values)) !== JSON.stringify(bodyFrom(saved));
}

/**
 * Server problems name positions in the body that was sent, which skips blank rows; this maps
 * them back onto the rows on screen. `problemAt(i)` is the problem of the i-th sent entry.
 */
export function rowErrors(
  rows: readonly ListItem[],
  problemAt: (sentIndex: number) => string | undefined,
): (string | undefined)[] {
  let sent = 0;
  return rows.map((row) => (row.text.trim() ? problemAt(sent++) : undefined));
}
