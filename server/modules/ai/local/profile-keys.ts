import type { FactCategory } from '../contracts';

/**
 * How the profile tells that two facts say the same thing (a merge key) or two things about
 * one subject that cannot both be true (a conflict key).
 */

const STOP = new Set(
  'a an the and or of to in on for with by is are was were be been it its their they them this that these those at as from our your we you i very really quite just so too also has have had do does did can will would could should more most much many some any all not no but if then than there here which who what when where how per'.split(
    ' ',
  ),
);

/** Light stemming: enough that "integrations"/"integration", "reports"/"reporting" meet. */
function stem(word: string): string {
  return word.replace(/(?:ations?|ing|ed|es|s|ly)$/, '').replace(/(.)\1$/, '$1');
}

/** The content words of a value, stemmed, for fuzzy comparison. */
export function signature(value: string): Set<string> {
  const words =
    value
      .toLowerCase()
      .normalize('NFKD')
      .match(/[\p{L}\p{N}$€£¥]+/gu) ?? [];
  return new Set(words.filter((w) => !STOP.has(w) && w.length > 1).map(stem));
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Exact-merge key: the same category and the same words in any case and punctuation. */
export function mergeKey(category: FactCategory, value: string): string {
  const flat = value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}$€£¥.]+/gu, ' ')
    .replace(/\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (category === 'feature' || category === 'strength' || category === 'weakness') {
    return `${category}:${[...signature(value)].sort().join(' ')}`;
  }
  return `${category}:${flat}`;
}

/** Categories whose values are prose: near-identical wordings are merged. */
export const FUZZY_CATEGORIES = new Set<FactCategory>(['feature', 'strength', 'weakness', 'news']);

const PLAN_PRICE = /^(.+?) plan: ([^\d\s]*\s?[\d.,]+[KMB]?)(?: per ([a-z/]+))?(?:, (billed \w+))?$/;

/**
 * "Pro plan: $49 per user/month" and "Pro plan: $59 per user/month" share a key; so do two
 * founding years, two headquarters and two headcounts.
 */
export function conflictKey(category: FactCategory, value: string): string | null {
  if (category === 'pricing') {
    const m = PLAN_PRICE.exec(value);
    if (!m) return null;
    return `pricing:${m[1]!.toLowerCase()}:${m[3] ?? '-'}:${m[4] ?? '-'}`;
  }
  if (category === 'company') {
    if (/^Founded in \d{4}$/.test(value)) return 'company:founded';
    if (/^Headquartered in /.test(value)) return 'company:headquarters';
    if (/^[\d,]+\+? employees$/.test(value)) return 'company:headcount';
  }
  return null;
}
