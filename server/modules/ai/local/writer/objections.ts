import type { WriterClaim } from '../../contracts';
import { conceptById, specificConcepts } from './concepts';
import { factsOf, makeClaim, type Fact, type WriterContext } from './context';
import type { Contrast } from './contrast';
import { bestMatch } from './our-product';
import { corroborated } from './strengths-weaknesses';
import {
  RESPONSE_TEXT_LIMIT,
  bare,
  capitalise,
  clip,
  decapitalise,
  isSentenceLike,
  joinList,
} from './text';

/**
 * Objections: what a prospect will say from THEIR strengths ("They integrate natively with
 * Salesforce"), each with the response a seller gives — our matching capability and proof when
 * we have one, otherwise an honest acknowledgement and a pivot to where we are stronger.
 */

const MAX_OBJECTIONS = 5;

/** The prospect's sentence for a strength of theirs. */
function objectionText(ctx: WriterContext, fact: Fact): string {
  const name = ctx.competitorName;
  const value = bare(fact.value);
  switch (fact.category) {
    case 'integration':
      return `${name} integrates natively with ${value}`;
    case 'compliance':
      return `${name} already covers ${value}`;
    case 'feature':
      return isSentenceLike(value) ? value : `${name} already has ${decapitalise(value)}`;
    default:
      if (isSentenceLike(value)) return value;
      return `${name}'s ${decapitalise(value)} is a reason to pick them`;
  }
}

function respond(ctx: WriterContext, fact: Fact, pivot: Contrast | null): string {
  const our = ctx.our;
  if (!our.configured) {
    return clip(
      'Acknowledge it, then ask how much of this they rely on day to day and what it costs them today.',
      RESPONSE_TEXT_LIMIT,
    );
  }
  const match = bestMatch([...our.capabilities, ...our.pricingLines], fact.concepts, fact.stems);
  const concepts = new Set([...fact.concepts, ...(match?.concepts ?? [])]);
  const proof = bestMatch(
    our.proofPoints,
    concepts,
    new Set([...fact.stems, ...(match?.stems ?? [])]),
  );
  const parts: string[] = [];
  if (match) {
    parts.push(`${our.name} covers this too: ${decapitalise(bare(match.text))}.`);
  } else {
    const topic = specificConcepts(fact.concepts)
      .map((id) => conceptById(id)?.label)
      .filter((label): label is string => Boolean(label));
    parts.push(
      topic.length > 0
        ? `Acknowledge it, then ask how much they rely on ${joinList(topic.slice(0, 2))} day to day.`
        : 'Acknowledge it, then ask how much of it they use day to day.',
    );
  }
  if (proof) parts.push(`Proof: ${bare(proof.text)}.`);
  if (pivot && pivot.ours !== match?.text) {
    parts.push(`Then move to where we are stronger: ${decapitalise(bare(pivot.ours))}.`);
  }
  if (parts.length === 1 && !match && our.pitch)
    parts.push(`Then bring it back to our pitch: ${bare(our.pitch)}.`);
  // Drop trailing parts rather than cut a sentence in half.
  while (parts.length > 1 && parts.join(' ').length > RESPONSE_TEXT_LIMIT) parts.pop();
  return clip(parts.join(' '), RESPONSE_TEXT_LIMIT);
}

/** Their strengths a prospect is likely to raise, strongest first. */
function objectionSources(ctx: WriterContext): Fact[] {
  const strengths = factsOf(ctx, 'strength');
  const capabilities = factsOf(ctx, 'integration', 'compliance', 'feature').filter(
    (fact) => !fact.negative && corroborated(fact),
  );
  return [...strengths, ...capabilities].sort((a, b) => b.weight - a.weight || a.index - b.index);
}

export function writeObjections(ctx: WriterContext, contrasts: Contrast[]): WriterClaim[] {
  const claims: WriterClaim[] = [];
  const seenTopics = new Set<string>();
  let pivotIndex = 0;
  for (const fact of objectionSources(ctx)) {
    if (claims.length >= MAX_OBJECTIONS) break;
    // One objection per topic: three SSO objections waste a seller's screen.
    const topic = specificConcepts(fact.concepts).join('+') || `fact:${fact.index}`;
    if (seenTopics.has(topic)) continue;
    seenTopics.add(topic);
    const pivot = contrasts.length > 0 ? contrasts[pivotIndex % contrasts.length]! : null;
    pivotIndex += 1;
    const claim = makeClaim('objections', capitalise(objectionText(ctx, fact)), [fact], {
      response: respond(ctx, fact, pivot),
      factor: 0.9,
    });
    if (claim) claims.push(claim);
  }
  return claims;
}
