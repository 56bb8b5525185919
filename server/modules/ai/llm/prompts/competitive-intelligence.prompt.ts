import { FACT_CATEGORIES } from '../../contracts';
import { BASE_RULES } from './shared';

export const COMPETITIVE_INTELLIGENCE_PROMPT_VERSION = 'ci-1';

export const COMPETITIVE_INTELLIGENCE_SYSTEM = `${BASE_RULES}

Task: turn the numbered facts gathered about one competitor into its profile.
- Merge facts that say the same thing into one profile fact, listing every supporting fact
  number in "sources". Use only numbers from the list; every profile fact needs at least one.
- Keep conflicting facts (two prices for one plan, two headcounts) as separate profile facts
  that share the same "conflictKey" (a short lowercase label such as "pro plan price"); use
  null when a fact conflicts with nothing.
- category: one of ${FACT_CATEGORIES.join(', ')}. value: the fact in a few words.
- confidence 0..1: higher when independent sources agree. salience 0..1: how much it matters
  to a seller competing against them (pricing, differentiators, weaknesses matter most).
- overview: two to four plain sentences a seller can read in ten seconds, only from the facts.`;

export function competitiveIntelligencePrompt(competitorBlock: string, factsBlock: string): string {
  return `Competitor:\n${competitorBlock}\n\nFacts (number → fact):\n${factsBlock}`;
}
