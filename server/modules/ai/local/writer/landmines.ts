import type { WriterClaim } from '../../contracts';
import { conceptById, type Concept } from './concepts';
import { makeClaim, type Fact, type WriterContext } from './context';
import type { Contrast } from './contrast';
import { weaknessFacts, weaknessGist } from './weakness-facts';
import { endSentence, gist } from './text';

/**
 * Landmines: questions a seller plants so the prospect discovers a weakness of theirs for
 * themselves ("Ask for their uptime history…"). Each comes from a documented weakness or a gap
 * and cites it; a topic is asked about once.
 */

const MAX_LANDMINES = 5;

/**
 * The question for a weakness: from the concept it mentions first ("Expensive at scale" is about
 * price, not scale), each topic asked once.
 */
function questionFor(fact: Fact, asked: Set<string>): { id: string; question: string } | null {
  const candidates = fact.ordered
    .map((id) => conceptById(id))
    .filter((concept): concept is Concept => Boolean(concept?.question) && !asked.has(concept!.id));
  const concept = candidates[0];
  if (!concept) return null;
  return { id: concept.id, question: concept.question! };
}

export function writeLandmines(ctx: WriterContext, contrasts: Contrast[]): WriterClaim[] {
  const claims: WriterClaim[] = [];
  const asked = new Set<string>();
  const usedFacts = new Set<Fact>();
  for (const fact of weaknessFacts(ctx)) {
    if (claims.length >= MAX_LANDMINES) break;
    const found = questionFor(fact, asked);
    const evidence = gist(weaknessGist(fact), 120);
    const text = found
      ? `${found.question} What we know: ${endSentence(evidence)}`
      : `Ask how they handle this today: ${endSentence(evidence)}`;
    if (found) asked.add(found.id);
    const claim = makeClaim('landmines', text, [fact]);
    if (claim) {
      claims.push(claim);
      usedFacts.add(fact);
    }
  }
  // Gaps we inferred (no SOC 2 report on file, no native Jira): ask them to show it.
  for (const contrast of contrasts) {
    if (claims.length >= MAX_LANDMINES) break;
    if (contrast.kind !== 'compliance_gap' && contrast.kind !== 'integration_gap') continue;
    if (contrast.theirs.every((fact) => usedFacts.has(fact))) continue;
    const text =
      contrast.kind === 'compliance_gap'
        ? `Ask for their ${contrast.ours} documentation in writing: their security materials do not mention it.`
        : `Ask them to show a native ${contrast.ours} integration live, not a webhook or a partner app.`;
    const claim = makeClaim('landmines', text, contrast.theirs, { perFact: 1, factor: 0.75 });
    if (claim) claims.push(claim);
  }
  return claims;
}
