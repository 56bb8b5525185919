import type { OurProduct } from '../../contracts';
import { conceptAffinity, conceptsOf } from './concepts';
import { monthlySeatPrice, pricePosture, pricesIn, type Price, type PricePosture } from './signals';
import { bare, contentStems, overlapRatio } from './text';

/**
 * Our product, read once: each capability, pricing line and proof point with the concepts it
 * covers, so the contrast writers can ask "do we have something for this?".
 */

export interface OurItem {
  text: string;
  concepts: Set<string>;
  stems: Set<string>;
  /** Pricing lines: the plan the line is about ("Growth"), when it starts with one. */
  plan?: string;
}

export interface OurSide {
  /** False when the workspace has not filled in its product: contrast sections say less. */
  configured: boolean;
  /** "Tidewell", or "We" when unnamed. */
  name: string;
  pitch: string;
  capabilities: OurItem[];
  pricingLines: OurItem[];
  proofPoints: (OurItem & { kind: string })[];
  /** Our lowest comparable seat price per month, when the pricing text states one. */
  entryPrice: Price | null;
  posture: PricePosture;
}

function item(text: string): OurItem {
  const clean = bare(text);
  return { text: clean, concepts: conceptsOf(clean), stems: contentStems(clean) };
}

export function readOurProduct(product: OurProduct): OurSide {
  const capabilities = product.capabilities.map(item).filter((entry) => entry.text.length > 0);
  const pricingLines = product.pricing
    .split(/\n+/)
    .map((line) => {
      const entry = item(line);
      const plan = /^([A-Z][\w+ ]{1,30}?)\s*(?:—|–| - |:)\s/.exec(entry.text)?.[1];
      return plan ? { ...entry, plan: plan.trim() } : entry;
    })
    .filter((entry) => entry.text.length > 0);
  const proofPoints = product.proofPoints
    .map((point) => {
      // "Brightpath Analytics moved…" is not about analytics: match on what happened, not on
      // the customer's name or the attribution of a quote.
      const about = bare(point.text)
        .replace(/\s+[—–-]\s+[^—–-]+$/, '')
        .replace(/^(?:[A-Z][\w&'’.-]*\s+)+(?=[a-z])/, '');
      return {
        ...item(point.text),
        concepts: conceptsOf(about),
        stems: contentStems(about),
        kind: point.kind,
      };
    })
    .filter((entry) => entry.text.length > 0);
  const prices = pricesIn(product.pricing)
    .filter((price) => monthlySeatPrice(price) !== null && price.amount > 0)
    .sort((a, b) => monthlySeatPrice(a)! - monthlySeatPrice(b)!);
  const name = bare(product.name);
  return {
    configured: name.length > 0 && (capabilities.length > 0 || pricingLines.length > 0),
    name: name || 'We',
    pitch: bare(product.pitch),
    capabilities,
    pricingLines,
    proofPoints,
    entryPrice: prices[0] ?? null,
    posture: pricePosture(product.pricing),
  };
}

/** How well one of our items answers a set of concepts and words; 0 = not at all. */
export function relevance(ours: OurItem, concepts: Set<string>, stems: Set<string>): number {
  const byConcept = conceptAffinity(ours.concepts, concepts);
  const byWords = overlapRatio(ours.stems, stems);
  return byConcept + (byWords >= 0.34 ? byWords : 0);
}

/** Our best item for a topic among `items`, or null when none is relevant enough. */
export function bestMatch<T extends OurItem>(
  items: T[],
  concepts: Set<string>,
  stems: Set<string>,
  threshold = 0.9,
): T | null {
  let best: T | null = null;
  let bestScore = threshold;
  for (const candidate of items) {
    const score = relevance(candidate, concepts, stems);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The part of one of our items that answers the given concepts: "99.95% uptime SLA (Enterprise)"
 * rather than the whole Enterprise pricing line. The whole item when no clause stands out.
 */
export function focusOn(ours: OurItem, concepts: Set<string>): string {
  const body = ours.plan ? ours.text.replace(/^[^—–:]+(?:—|–|:)\s*/, '') : ours.text;
  const clauses = body
    .split(/(?<=\.)\s+|;\s+|,\s+(?![^(]*\))/)
    .map((clause) => bare(clause))
    .filter((clause) => clause.length > 0);
  const kept = clauses.filter((clause) => [...conceptsOf(clause)].some((id) => concepts.has(id)));
  const shown = kept.length > 0 && kept.length < clauses.length ? kept.join(', ') : bare(body);
  return ours.plan ? `${shown} (${ours.plan})` : shown;
}
