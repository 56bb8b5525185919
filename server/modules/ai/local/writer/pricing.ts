import type { WriterClaim } from '../../contracts';
import { byRecency, factsOf, makeClaim, type Fact, type WriterContext } from './context';
import { bare, capitalise, formatDate } from './text';

/**
 * Pricing: their plans and amounts, one line each. Facts the profile flags as conflicting (same
 * conflictKey: two prices for one plan) become one line with both values side by side, newest
 * first, saying which is newer — a seller must never quote a stale price with confidence.
 */

const MAX_PRICING = 6;

/** "Pro plan: $49 per user per month" → ["Pro plan", "$49 per user per month"]. */
export function splitPlanLabel(value: string): [string | null, string] {
  const colon = value.indexOf(':');
  if (colon > 0 && colon < 60) {
    return [bare(value.slice(0, colon)), bare(value.slice(colon + 1))];
  }
  const dash = value.match(/^(.{2,40}?)\s+[—–-]\s+(.+)$/);
  if (dash) return [bare(dash[1]!), bare(dash[2]!)];
  return [null, value];
}

/** A readable label from a conflict key like "pricing:professional" or "plan/pro-annual". */
function labelFromKey(key: string): string {
  const tail = key.split(/[:/|]/).filter(Boolean).pop() ?? key;
  return capitalise(tail.replace(/[-_]+/g, ' ').trim());
}

function dated(fact: Fact): string {
  const date = formatDate(fact.fact.latestAt);
  return date ?? 'undated';
}

function conflictClaim(group: Fact[]): WriterClaim | null {
  const ordered = [...group].sort(byRecency).slice(0, 3);
  const split = ordered.map((fact) => splitPlanLabel(fact.value));
  const labels = new Set(split.map(([label]) => label?.toLowerCase() ?? ''));
  const sameLabel = labels.size === 1 && split[0]![0] !== null;
  const label = sameLabel ? split[0]![0]! : labelFromKey(ordered[0]!.fact.conflictKey ?? 'price');
  const parts = ordered.map((fact, i) => {
    const shown = sameLabel ? split[i]![1] : fact.value;
    const age = i === 0 ? 'newer' : 'older';
    return `${age} (${dated(fact)}): ${shown}`;
  });
  const text = `${label}: conflicting prices — ${parts.join('; ')}. Confirm before quoting`;
  return makeClaim('pricing', text, ordered, { perFact: 1, factor: 0.9 });
}

export function writePricing(ctx: WriterContext): WriterClaim[] {
  const facts = factsOf(ctx, 'pricing');
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) {
    const key = fact.fact.conflictKey;
    if (key === null) continue;
    const group = groups.get(key) ?? [];
    group.push(fact);
    groups.set(key, group);
  }
  const claims: WriterClaim[] = [];
  const done = new Set<string>();
  // Conflicts first: they are what a seller most needs to know before quoting a number.
  for (const fact of facts) {
    const key = fact.fact.conflictKey;
    if (key === null || done.has(key) || (groups.get(key)?.length ?? 0) < 2) continue;
    done.add(key);
    const claim = conflictClaim(groups.get(key)!);
    if (claim) claims.push(claim);
  }
  for (const fact of facts) {
    if (claims.length >= MAX_PRICING) break;
    const key = fact.fact.conflictKey;
    if (key !== null && done.has(key)) continue;
    const claim = makeClaim('pricing', fact.value, [fact]);
    if (claim) claims.push(claim);
  }
  return claims.slice(0, MAX_PRICING);
}
