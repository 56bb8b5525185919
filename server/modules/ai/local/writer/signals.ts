import { words } from './text';

/**
 * Cues that a fact is a limitation rather than a capability: "planned", "only", "not offered".
 * A feature fact that says "Google Drive support is planned" is a gap, not a strength.
 */
const NEGATIVE_PHRASES = [
  'not offered',
  'not available',
  'not supported',
  'not included',
  'no longer',
  'does not',
  "doesn't",
  'do not',
  "don't",
  'cannot',
  "can't",
  'is not',
  'are not',
  'planned',
  'coming soon',
  'on the roadmap',
  'roadmap',
  'future release',
  'lacks',
  'lacking',
  'missing',
  'limited to',
  'only available',
  'billed separately',
  'paid add-on',
  'extra cost',
  'complain',
  'frustrat',
  'struggle',
  'outage',
  'incident',
  'delayed',
  'slow',
  'expensive',
  'clunky',
  'fragile',
  'buggy',
  'hard to',
  'difficult',
  'confusing',
  'churn',
  'downtime',
  'uplift',
  'price increase',
  'minimum',
  'weakest',
  'worst',
  'poor',
];

const NEGATIVE_WORDS = new Set(['only', 'no', 'not', 'never', 'without', 'lack', 'none']);

/** True when a fact's text reads as a limitation, a complaint or a gap. */
export function isNegative(text: string): boolean {
  const lower = text.toLowerCase();
  if (NEGATIVE_PHRASES.some((phrase) => lower.includes(phrase))) return true;
  return words(text).some((word) => NEGATIVE_WORDS.has(word));
}

export interface Price {
  currency: string;
  amount: number;
  /** seat (agent/user/seat/member/license), or null for flat prices. */
  unit: 'seat' | null;
  period: 'month' | 'year' | null;
  /** The matched text, for display ("$55 per agent per month"). */
  text: string;
}

const PRICE =
  /([$€£])\s?(\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)(\s?[kK])?((?:\s*(?:\/|per|a)\s*(?:agent|user|seat|member|licen[cs]e|editor|host)s?)?)((?:\s*(?:\/|per|a)\s*(?:month|mo|year|yr|annum))?)/g;

/** The prices a text states, in order ("$55 per agent per month"). */
export function pricesIn(text: string): Price[] {
  const out: Price[] = [];
  for (const match of text.matchAll(PRICE)) {
    const amount = Number(match[2]!.replace(/,/g, '')) * (match[3] ? 1000 : 1);
    if (!Number.isFinite(amount)) continue;
    const unitText = match[4] ?? '';
    const periodText = (match[5] ?? '').toLowerCase();
    out.push({
      currency: match[1]!,
      amount,
      unit: unitText.trim() ? 'seat' : null,
      period: /mo/.test(periodText) ? 'month' : /y|annum/.test(periodText) ? 'year' : null,
      text: match[0].trim(),
    });
  }
  return out;
}

/** A seat price per month, when the text states one we can compare. */
export function monthlySeatPrice(price: Price): number | null {
  if (price.unit !== 'seat' || price.period === null) return null;
  return price.period === 'month' ? price.amount : price.amount / 12;
}

/** Posture cues in a pricing text, on both sides of the comparison. */
export interface PricePosture {
  seatMinimum: boolean;
  noSeatMinimum: boolean;
  annualOnly: boolean;
  monthlyAvailable: boolean;
  freePlan: boolean;
  addOn: boolean;
  included: boolean;
}

export function pricePosture(text: string): PricePosture {
  const lower = text.toLowerCase();
  const noSeatMinimum = /no (seat |agent |user )?minimum|without (a )?(seat )?minimum/.test(lower);
  return {
    noSeatMinimum,
    seatMinimum: !noSeatMinimum && /minimum (of )?\d+|\d+[- ](seat|agent|user) minimum/.test(lower),
    annualOnly:
      /monthly billing is not|no monthly billing|annual contracts? only|only (sold |available )?(on|with) annual|all plans are sold on annual/.test(
        lower,
      ),
    monthlyAvailable:
      /monthly billing (is )?available|billed monthly|month[- ]to[- ]month|cancel any ?time/.test(
        lower,
      ),
    freePlan: /free (plan|tier|forever)|freemium/.test(lower),
    addOn: /add[- ]on|billed separately|sold separately/.test(lower),
    included: /\bincluded\b|no (extra|additional) (cost|charge)|at no (extra|additional) cost/.test(
      lower,
    ),
  };
}
