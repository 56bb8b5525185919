import type { ChangeSummaryOutput } from '../ai/contracts';
import type { DiffPartRow } from '../../db/schema';

/**
 * A rule-based change summary from the word diff: explicit price changes (old → new amounts,
 * paired in page order), a class from the vocabulary of what changed, an importance from the
 * class and the size of the change. It answers the `change_summary` contract. Monitoring runs
 * the change_summary agent (summarize-change.ts) and lays this price pairing over its answer;
 * the whole rule-based summary stands in only when the agent fails.
 */

const MONEY =
  /(?:[$€£¥]\s?\d[\d,]*(?:\.\d{1,2})?|\b\d[\d,]*(?:\.\d{1,2})?\s?(?:USD|EUR|GBP|dollars|euros))(?:\s?(?:\/|per)\s?(?:user|seat|month|mo|year|yr|agent|member)\b)*/gi;

const CLASS_WORDS: [ChangeSummaryOutput['class'], RegExp][] = [
  [
    'pricing',
    /\b(?:pric\w*|plans?|per (?:user|seat|month)|billed|discount|free trial|tier|subscription)\b/i,
  ],
  [
    'hiring',
    /\b(?:hiring|careers?|jobs?|open (?:roles|positions)|we'?re looking for|join (?:our|the) team)\b/i,
  ],
  [
    'product',
    /\b(?:feature|integrat\w*|launch\w*|release\w*|api|sso|saml|dashboard|now supports?|introduc\w*|beta|roadmap)\b/i,
  ],
  ['news', /\b(?:announce\w*|press|funding|raised|acquir\w*|partner\w*|series [a-f])\b/i],
];

const BASE_IMPORTANCE: Record<ChangeSummaryOutput['class'], number> = {
  pricing: 0.75,
  product: 0.55,
  news: 0.5,
  hiring: 0.35,
  messaging: 0.3,
  other: 0.15,
};

/** How much unchanged text around an edit is read with it ("$" + "49" → "$49 per user"). */
const CONTEXT_CHARS = 40;

interface Hunk {
  before: string;
  after: string;
  /** The line the edit is on, up to the edit: its label ("Pro plan costs"). */
  lead: string;
}

/** Runs of deletes/inserts with the unchanged text on both sides. */
function hunksOf(parts: DiffPartRow[]): Hunk[] {
  const hunks: Hunk[] = [];
  for (let i = 0; i < parts.length;) {
    if (parts[i]!.op === 'equal') {
      i++;
      continue;
    }
    const prev = i > 0 ? parts[i - 1]!.text : '';
    let before = '';
    let after = '';
    for (; i < parts.length && parts[i]!.op !== 'equal'; i++) {
      if (parts[i]!.op === 'delete') before += parts[i]!.text;
      else after += parts[i]!.text;
    }
    const next = i < parts.length ? parts[i]!.text : '';
    const head = prev.slice(-CONTEXT_CHARS);
    const tail = next.slice(0, CONTEXT_CHARS);
    // Only the same line counts as context.
    const lead = head.split('\n').at(-1) ?? '';
    const trail = tail.split('\n')[0] ?? '';
    hunks.push({ before: lead + before + trail, after: lead + after + trail, lead });
  }
  return hunks;
}

function labelOf(lead: string, amount: string, context: string): string | null {
  const upTo = context.slice(0, Math.max(0, context.indexOf(amount)));
  const label = (upTo || lead)
    .replace(/\b(?:costs?|is|are|now|from|only|just|at|for)\s*$/i, '')
    .replace(/[$€£¥:\-–—\s]+$/, '')
    .trim();
  return label.length >= 2 && label.length <= 80 ? label : null;
}

export function priceChangesOf(parts: DiffPartRow[]): ChangeSummaryOutput['priceChanges'] {
  const out: ChangeSummaryOutput['priceChanges'] = [];
  for (const hunk of hunksOf(parts)) {
    const from = hunk.before.match(MONEY) ?? [];
    const to = hunk.after.match(MONEY) ?? [];
    for (let k = 0; k < Math.min(from.length, to.length); k++) {
      const a = from[k]!.trim();
      const b = to[k]!.trim();
      if (a !== b) out.push({ label: labelOf(hunk.lead, b, hunk.after), from: a, to: b });
    }
  }
  return out.slice(0, 50);
}

export function ruleBasedChangeSummary(
  parts: DiffPartRow[],
  title: string | undefined,
): ChangeSummaryOutput {
  const priceChanges = priceChangesOf(parts);
  const changed = parts
    .filter((p) => p.op !== 'equal')
    .map((p) => p.text)
    .join(' ');
  const klass: ChangeSummaryOutput['class'] =
    priceChanges.length > 0
      ? 'pricing'
      : (CLASS_WORDS.find(([, words]) => words.test(changed))?.[0] ??
        (changed.trim().split(/\s+/).length >= 3 ? 'messaging' : 'other'));
  const size = changed.split(/\s+/).filter(Boolean).length;
  const importance = Math.min(
    1,
    BASE_IMPORTANCE[klass] + Math.min(0.2, size / 500) + (priceChanges.length > 0 ? 0.1 : 0),
  );
  const where = title ? ` on "${title.slice(0, 120)}"` : '';
  const summary =
    priceChanges.length > 0
      ? `Price change${where}: ${priceChanges
          .slice(0, 3)
          .map((p) => `${p.label ? `${p.label} ` : ''}${p.from} → ${p.to}`)
          .join('; ')}.`
      : `${klass === 'other' ? 'Minor' : klass[0]!.toUpperCase() + klass.slice(1)} change${where}: ${size} words changed.`;
  return {
    summary: summary.slice(0, 600),
    class: klass,
    importance: Math.round(importance * 100) / 100,
    priceChanges,
  };
}
