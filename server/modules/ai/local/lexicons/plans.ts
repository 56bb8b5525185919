/**
 * Plan (tier) names. A capitalised word from the list, or any capitalised word followed by
 * "plan", "tier" or "edition". Case matters: "team" in prose is not the Team plan.
 */

export const PLAN_WORDS = [
  'Free',
  'Starter',
  'Basic',
  'Essentials',
  'Essential',
  'Standard',
  'Plus',
  'Pro',
  'Professional',
  'Premium',
  'Team',
  'Teams',
  'Business',
  'Growth',
  'Scale',
  'Enterprise',
  'Ultimate',
  'Advanced',
  'Elite',
  'Startup',
  'Personal',
  'Individual',
  'Hobby',
  'Lite',
  'Core',
  'Launch',
  'Premier',
  'Unlimited',
  'Max',
] as const;

const WORDS = PLAN_WORDS.join('|');
const NAMED_PLAN = new RegExp(
  String.raw`\b(?:(${WORDS})(?:\s(?:Plus|Pro|Max|Premium))?(?:\s(?:plan|tier|edition|package|license))?\b|([A-Z][A-Za-z0-9+]{1,20})\s(?:plan|tier|edition)\b)`,
  'g',
);
/** Words that come before "plan" without naming one. */
const NOT_PLAN = new Set([
  'The',
  'This',
  'That',
  'Our',
  'Your',
  'Each',
  'Every',
  'A',
  'Any',
  'No',
  'Which',
  'What',
  'Paid',
  'One',
  'Pricing',
  'Annual',
  'Monthly',
]);

export interface PlanMention {
  /** "Pro", "Business Plus". */
  name: string;
  /** Said "plan", "tier" or "edition": certainly a plan. */
  explicit: boolean;
  start: number;
  end: number;
}

export function findPlans(sentence: string): PlanMention[] {
  const found: PlanMention[] = [];
  NAMED_PLAN.lastIndex = 0;
  for (let m = NAMED_PLAN.exec(sentence); m; m = NAMED_PLAN.exec(sentence)) {
    const raw = m[0].replace(/\s(?:plan|tier|edition|package|license)$/i, '');
    const head = raw.split(/\s/)[0]!;
    if (NOT_PLAN.has(head)) continue;
    // A plan word starting a sentence is prose ("Team members can…") unless it says "plan".
    const saysPlan = /\s(?:plan|tier|edition|package)$/i.test(m[0]);
    const bare = !saysPlan && m[2] === undefined;
    if (bare && /^\s*(?:members?|mates?|work|size)\b/i.test(sentence.slice(m.index + m[0].length)))
      continue;
    found.push({ name: raw, explicit: saysPlan, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/**
 * A line that is only a plan name ("Pro", "Business plan", "ENTERPRISE") heads a pricing card:
 * the prices and features on the next lines belong to it.
 */
export function planHeading(line: string): string | null {
  const t = line.trim().replace(/[:–—-]\s*$/, '');
  if (t.length > 40) return null;
  const titled = t.length > 1 && t === t.toUpperCase() ? t[0] + t.slice(1).toLowerCase() : t;
  const m = new RegExp(
    String.raw`^(?:the\s)?((?:${WORDS})(?:\s(?:Plus|Pro|Max))?|[A-Z][A-Za-z0-9+]{1,20}\s(?:plan|tier))(?:\s(?:plan|tier|edition))?$`,
  ).exec(titled);
  if (!m) return null;
  return m[1]!.replace(/\s(?:plan|tier)$/i, '');
}

/**
 * A plan card that opens on one line: "Personal — free", "Team — USD 12 per seat per month",
 * "Enterprise — let's talk". The plan, and where the rest of the line starts.
 */
export function planLine(line: string): { plan: string; rest: number } | null {
  const m = /^(\s*)([^—–|:\n]{2,30}?)\s+[—–]\s+(?=\S)/.exec(line);
  if (!m) return null;
  const plan = planHeading(m[2]!);
  return plan ? { plan, rest: m[0].length } : null;
}
