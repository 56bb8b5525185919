/**
 * Prices: an amount with a currency (symbol before or after, ISO code, or a currency word),
 * the unit it is charged per (user, seat…) and the period (month, year). Every pattern is
 * linear: no nested quantifiers, so a 200 kB page cannot make them backtrack.
 */

const SYMBOLS: Record<string, string> = {
  $: '$',
  US$: '$',
  USD: '$',
  dollars: '$',
  dollar: '$',
  '€': '€',
  EUR: '€',
  euros: '€',
  euro: '€',
  '£': '£',
  GBP: '£',
  pounds: '£',
  '¥': '¥',
  JPY: '¥',
  yen: '¥',
  '₹': '₹',
  INR: '₹',
  CAD: 'CA$',
  CA$: 'CA$',
  C$: 'CA$',
  AUD: 'A$',
  A$: 'A$',
  CHF: 'CHF ',
};

const AMOUNT = String.raw`\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const SCALE = String.raw`(?:\s?(?:k|K|M|m|bn|B|million|billion|thousand)\b)?`;
const SYMBOL = String.raw`US\$|CA\$|C\$|A\$|[$€£¥₹]`;
const CODE = String.raw`\b(?:USD|EUR|GBP|JPY|INR|CAD|AUD|CHF)`;
const WORD = String.raw`(?:dollars?|euros?|pounds?|yen)\b`;

const PRICE = new RegExp(
  String.raw`(?:(${SYMBOL})\s?(${AMOUNT})(${SCALE})|(${CODE})\s?(${AMOUNT})(${SCALE})|(${AMOUNT})(${SCALE})\s?(${SYMBOL}|${CODE}|${WORD}))`,
  'g',
);

const UNIT = String.raw`user|seat|member|editor|agent|licen[cs]e|host|contact|admin|rep|person|employee|creator|collaborator|node|server|instance|account|workspace|learner`;
const UNIT_RE = new RegExp(String.raw`^\s*(?:\/|per|a|an|each)\s*(${UNIT})s?\b`, 'i');
const PERIOD_RE =
  /^\s*(?:\/\s*|per\s+|a\s+|an\s+|each\s+|every\s+)(month|mo|year|yr|annum|week|day|hour)\b\.?|^\s*(monthly|annually|yearly|a month|a year)\b/i;
const ONE_OFF_RE = /^\s*(?:one[- ]time|once|flat fee|lifetime)\b/i;

export interface PriceMention {
  /** "$49", "€1,299", "¥5000". */
  amount: string;
  /** The number itself, for comparing two prices. */
  numeric: number;
  unit: string | null;
  period: 'month' | 'year' | 'week' | 'day' | 'hour' | 'one-time' | null;
  start: number;
  end: number;
}

const PERIODS: Record<string, PriceMention['period']> = {
  month: 'month',
  mo: 'month',
  monthly: 'month',
  'a month': 'month',
  year: 'year',
  yr: 'year',
  annum: 'year',
  annually: 'year',
  yearly: 'year',
  'a year': 'year',
  week: 'week',
  day: 'day',
  hour: 'hour',
};

function normaliseAmount(raw: string, scale: string): { text: string; numeric: number } {
  const compact = raw.replace(/[\u00a0\u202f ]/g, ',');
  // "1.299" in a European page is a thousands separator only when followed by exactly 3 digits.
  const numeric = Number(compact.replace(/,(?=\d{3}\b)/g, '').replace(',', '.'));
  const s = scale.trim().toLowerCase();
  const factor =
    s === 'k' || s === 'thousand'
      ? 1e3
      : s === 'm' || s === 'million'
        ? 1e6
        : s === 'b' || s === 'bn' || s === 'billion'
          ? 1e9
          : 1;
  const suffix =
    s === ''
      ? ''
      : s === 'thousand'
        ? 'K'
        : s === 'million'
          ? 'M'
          : s === 'billion' || s === 'bn' || s === 'b'
            ? 'B'
            : s.toUpperCase();
  return { text: compact + suffix, numeric: numeric * factor };
}

/** Every price in `sentence`, with what follows it parsed into a unit and a period. */
export function findPrices(sentence: string): PriceMention[] {
  const found: PriceMention[] = [];
  PRICE.lastIndex = 0;
  for (let m = PRICE.exec(sentence); m; m = PRICE.exec(sentence)) {
    const symbol = m[1] ?? m[4] ?? m[9] ?? '';
    const raw = m[2] ?? m[5] ?? m[7] ?? '';
    const scale = m[3] ?? m[6] ?? m[8] ?? '';
    const currency = SYMBOLS[symbol] ?? SYMBOLS[symbol.toLowerCase()] ?? symbol;
    const { text, numeric } = normaliseAmount(raw, scale);
    if (!Number.isFinite(numeric)) continue;
    let rest = sentence.slice(m.index + m[0].length, m.index + m[0].length + 60);
    let unit: string | null = null;
    let period: PriceMention['period'] = null;
    // Either order: "/user/month" or "per month per seat".
    for (let i = 0; i < 2; i++) {
      const u = UNIT_RE.exec(rest);
      if (u && !unit) {
        unit = u[1]!.toLowerCase().replace('licence', 'license');
        rest = rest.slice(u[0].length);
        continue;
      }
      const p = PERIOD_RE.exec(rest);
      if (p && !period) {
        period = PERIODS[(p[1] ?? p[2] ?? '').toLowerCase()] ?? null;
        rest = rest.slice(p[0].length);
        continue;
      }
      if (!period && ONE_OFF_RE.test(rest)) period = 'one-time';
    }
    found.push({
      amount: `${currency}${text}`,
      numeric,
      unit,
      period,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return found;
}

/** "$49 per user/month" */
export function describePrice(price: PriceMention): string {
  const per = [price.unit, price.period === 'one-time' ? null : price.period]
    .filter(Boolean)
    .join('/');
  if (price.period === 'one-time') return `${price.amount} one-time`;
  return per ? `${price.amount} per ${per}` : price.amount;
}

/** Words that make a bare amount a price rather than revenue, savings or funding. */
export const PRICING_CUE =
  /\b(?:pric(?:e|es|ed|ing)|costs?|starts? at|starting at|from|per|plans?|tiers?|licen[cs]es?|seats?|subscriptions?|billed|fee|pay|charges?|list price|discount|quote[ds]?)\b/i;

/** Money that is not a price: funding, revenue, valuation, savings. */
export const NOT_A_PRICE_CUE =
  /\b(?:raised|raises|raising|funding|valuation|valued|revenue|ARR|series [a-f]|seed round|invest(?:ed|ment|ors?)|saved|savings|save|acquired|acquisition|deal size|pipeline|quota|budget)\b/i;

export const BILLING_RE =
  /\b(?:(?:when |if )?billed (?:annually|yearly|monthly|quarterly)|(?:paid|billed) (?:up ?front|per year|per month)|annual (?:billing|plan|contract|commitment)|monthly billing|billed month-to-month|month-to-month)\b/i;

export function billingTerm(sentence: string): string | null {
  const m = BILLING_RE.exec(sentence);
  if (!m) return null;
  const t = m[0].toLowerCase();
  if (/annual|yearly|per year|up ?front/.test(t)) return 'billed annually';
  if (/quarter/.test(t)) return 'billed quarterly';
  return 'billed monthly';
}

export const FREE_PLAN_RE =
  /\b(?:free (?:forever |)(?:plan|tier|edition|version)|free forever|freemium|free for (?:up to|teams of|individuals|small teams))\b/i;
export const FREE_TRIAL_RE =
  /\b(?:(\d{1,3})[- ]day )?free trial\b|\bfree for (\d{1,3}) days\b|\b(\d{1,3})[- ]day trial\b|\b(?:one|two|three|four|\d)[- ](?:week|month)s? (?:free )?trial\b/i;
export const NO_FREE_PLAN_RE = /\b(?:no|not a|without a) free (?:plan|tier|version)\b/i;
export const CUSTOM_PRICING_RE =
  /\b(?:contact (?:our )?sales|contact us for (?:a )?(?:quote|pricing)|let['’]s talk|custom (?:pricing|quote|price)|talk to (?:our )?sales|request a quote|pric(?:ing|es?) (?:is |are )?(?:available )?(?:on|upon) request|get a quote)\b/i;
/** Said on its own, without a plan, only these mean the vendor does not publish a price. */
export const CUSTOM_PRICING_STRONG_RE =
  /\b(?:custom pricing|pric(?:ing|es?) (?:is |are )?(?:available )?(?:on|upon) request|contact sales for (?:pricing|a quote))\b/i;
