import type { WriterClaim } from '../../contracts';
import { factsOf, makeClaim, type Fact, type WriterContext } from './context';
import { weaknessFacts, weaknessGist } from './weakness-facts';
import { capitalise, decapitalise, listOf } from './text';

/**
 * Strengths and weaknesses, straight from the profile: what evidence says they do well (their
 * strength facts, plus features, integrations and certifications more than one source confirms)
 * and where they fall short (weakness facts, and any fact that reads as a limitation).
 */

export const MAX_PER_SECTION = 6;
const MAX_LIST_ITEMS = 5;

/** A fact is "well corroborated" when two sources back it, or one does with high confidence. */
export function corroborated(fact: Fact): boolean {
  return fact.sources >= 2 || fact.fact.confidence >= 0.75;
}

/** "Integrations: Salesforce, Slack and Jira." — one line for many short facts. */
function listClaim(
  section: 'strengths',
  lead: string,
  facts: Fact[],
  names = false,
): { claim: WriterClaim | null; weight: number } {
  const chosen = facts.slice(0, MAX_LIST_ITEMS);
  const claim = makeClaim(
    section,
    `${lead}: ${listOf(
      chosen.map((fact) => fact.value),
      names,
    )}`,
    chosen,
    {
      perFact: 1,
    },
  );
  return { claim, weight: Math.max(0, ...chosen.map((fact) => fact.weight)) };
}

export function writeStrengths(ctx: WriterContext): WriterClaim[] {
  const ranked: { claim: WriterClaim | null; weight: number }[] = [];
  for (const fact of factsOf(ctx, 'strength')) {
    ranked.push({ claim: makeClaim('strengths', fact.value, [fact]), weight: fact.weight });
  }
  const positive = (fact: Fact) => !fact.negative && corroborated(fact);
  const compliance = factsOf(ctx, 'compliance').filter(positive);
  if (compliance.length > 0)
    ranked.push(listClaim('strengths', 'Security and compliance', compliance, true));
  const integrations = factsOf(ctx, 'integration').filter(positive);
  if (integrations.length > 0)
    ranked.push(listClaim('strengths', 'Integrations', integrations, true));
  // Features: long values stand alone, short ones are listed together.
  const features = factsOf(ctx, 'feature').filter(positive);
  const shortFeatures = features.filter((fact) => fact.value.length <= 60);
  if (shortFeatures.length > 0) ranked.push(listClaim('strengths', 'Product depth', shortFeatures));
  for (const fact of features.filter((f) => f.value.length > 60).slice(0, 2)) {
    ranked.push({ claim: makeClaim('strengths', fact.value, [fact]), weight: fact.weight * 0.9 });
  }
  return ranked
    .filter((entry): entry is { claim: WriterClaim; weight: number } => entry.claim !== null)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_PER_SECTION)
    .map((entry) => entry.claim);
}

export function writeWeaknesses(ctx: WriterContext): WriterClaim[] {
  const claims: WriterClaim[] = [];
  for (const fact of weaknessFacts(ctx)) {
    if (claims.length >= MAX_PER_SECTION) break;
    const gist = weaknessGist(fact);
    const text =
      fact.category === 'weakness' || gist.length > 60 || gist !== fact.value
        ? gist
        : `${capitalise(categoryLead(fact))}: ${decapitalise(gist)}`;
    const claim = makeClaim('weaknesses', text, [fact]);
    if (claim) claims.push(claim);
  }
  return claims;
}

/** A short lead so a terse limitation still says what it is about ("Pricing: no monthly billing"). */
function categoryLead(fact: Fact): string {
  switch (fact.category) {
    case 'pricing':
      return 'pricing';
    case 'integration':
      return 'integrations';
    case 'compliance':
      return 'compliance';
    case 'feature':
      return 'product gap';
    default:
      return 'limitation';
  }
}
