import type { WriterClaim } from '../../contracts';
import { conceptById, conceptsOf, specificConcepts } from './concepts';
import { factsOf, makeClaim, type Fact, type WriterContext } from './context';
import type { Contrast } from './contrast';
import { bestMatch, focusOn } from './our-product';
import { corroborated } from './strengths-weaknesses';
import {
  RESPONSE_TEXT_LIMIT,
  bare,
  capitalise,
  clip,
  contentStems,
  decapitalise,
  isSentenceLike,
  joinList,
  withArticle,
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
  if (
    isSentenceLike(value) ||
    (fact.category === 'strength' && /\b(is|are|was|were)\b/.test(value))
  ) {
    return value;
  }
  switch (fact.category) {
    case 'integration':
      return `${name} integrates natively with ${value}`;
    case 'compliance':
      return `${name} already covers ${value}`;
    case 'feature':
      return `${name} already has ${withArticle(decapitalise(value))}`;
    default:
      // "Reliable", "Large app marketplace": quote what buyers say rather than force a sentence.
      if (value.includes(':')) return value;
      return `“${capitalise(value.replace(/["“”]/g, ''))}” is what buyers say about ${name}`;
  }
}

/** A contrast to steer to that is about something else than the objection. */
function pivotFor(fact: Fact, contrasts: Contrast[], used: Set<Contrast>): Contrast | null {
  const offTopic = contrasts.filter(
    (contrast) => ![...contrast.concepts].some((id) => fact.concepts.has(id)),
  );
  const pivot = offTopic.find((contrast) => !used.has(contrast)) ?? offTopic[0] ?? null;
  if (pivot) used.add(pivot);
  return pivot;
}

function respond(ctx: WriterContext, fact: Fact, pivot: Contrast | null): string {
  const our = ctx.our;
  if (!our.configured) {
    return 'Acknowledge it, then ask how much of this they rely on day to day and what it costs them today.';
  }
  // A price objection is answered with our terms as a whole, not one line of our price list.
  const price = priceAnswer(ctx, fact);
  const match = price
    ? null
    : bestMatch([...our.capabilities, ...our.pricingLines], fact.concepts, fact.stems);
  const answer = match ? focusOn(match, fact.concepts) : null;
  const parts: string[] = [];
  // Short of a full match, the capability of ours closest to what they praise: a seller shows
  // that, instead of only asking questions.
  const near =
    answer || price ? null : bestMatch(our.capabilities, fact.concepts, fact.stems, NEAR_MATCH);
  if (answer) {
    parts.push(`${our.name} covers this too: ${decapitalise(answer)}.`);
  } else if (price) {
    parts.push(price);
  } else if (near) {
    parts.push(
      `Acknowledge it, then show how ${our.name} does the same job: ${decapitalise(near.text)}.`,
    );
  } else {
    const counter =
      fact.category === 'compliance'
        ? `Ask whether ${bare(fact.value)} is a hard requirement for this deal and who signs off on it; bring security in early rather than late.`
        : fact.ordered.map((id) => conceptById(id)?.counter).find(Boolean);
    const topic = specificConcepts(fact.concepts)
      .map((id) => conceptById(id)?.label)
      .filter((label): label is string => Boolean(label));
    parts.push(
      counter ??
        (topic.length > 0
          ? `Acknowledge it, then ask what good ${joinList(topic.slice(0, 2))} has to look like for them, and show ours against that bar.`
          : 'Acknowledge it, then ask how much of it they use day to day.'),
    );
  }
  const shown = answer ?? near?.text ?? null;
  const proofConcepts = new Set([...fact.concepts, ...(shown ? conceptsOf(shown) : [])]);
  const proofStems = new Set([...fact.stems, ...(shown ? contentStems(shown) : [])]);
  const proof = bestMatch(our.proofPoints, proofConcepts, proofStems);
  if (proof) parts.push(`Proof: ${bare(proof.text)}.`);
  if (pivot) parts.push(`Then move to where we are stronger: ${decapitalise(bare(pivot.pivot))}.`);
  if (!shown && !price && !proof && !pivot && our.pitch)
    parts.push(`Then bring it back to our pitch: ${bare(our.pitch)}.`);
  // Drop trailing parts rather than cut a sentence in half.
  while (parts.length > 1 && parts.join(' ').length > RESPONSE_TEXT_LIMIT) parts.pop();
  return clip(parts.join(' '), RESPONSE_TEXT_LIMIT);
}

/** Below bestMatch's default: one shared specific concept, or most of the words. */
const NEAR_MATCH = 0.5;

const PRICE_WORDS =
  /\b(?:cheaper|cheap|price[sd]?|pricing|cost(?:s|ly)?|discount(?:s|ed)?|per seat|a seat|dollars|budget|afford\w*|free months?|months? free)\b/i;

/**
 * "They came in 30% cheaper": answered with our actual price and terms from our pricing text —
 * the entry price, no seat minimum, what is included rather than sold as an add-on, monthly
 * billing — and a push to compare the whole contract, not a first-year quote.
 */
function priceAnswer(ctx: WriterContext, fact: Fact): string | null {
  const about = [...fact.concepts].some((id) => conceptById(id)?.kind === 'price');
  if (!about && !PRICE_WORDS.test(fact.value)) return null;
  const our = ctx.our;
  const terms: string[] = [];
  if (our.entryPrice) terms.push(`starts at ${our.entryPrice.text}`);
  if (our.posture.noSeatMinimum) terms.push('no seat minimum');
  const included = our.pricingLines.find((line) =>
    /\bincluded\b|\bno (?:per-\w+ |extra |additional )?(?:fees?|charges?|cost)\b/i.test(line.text),
  );
  if (included) {
    const clause =
      included.text
        .split(/(?<=\.)\s+/)
        .find((part) =>
          /\bincluded\b|\bno (?:per-\w+ |extra |additional )?(?:fees?|charges?|cost)\b/i.test(part),
        ) ?? included.text;
    terms.push(decapitalise(bare(clause)));
  }
  if (terms.length === 0) return null;
  return `Compare the total over the contract, with every add-on and the renewal, not the first quote: ${our.name} ${joinList(terms)}.`;
}

// Label lists (certifications, integrations) crowd a screen fastest; features say more.
const MAX_PER_CATEGORY: Record<string, number> = { compliance: 2, integration: 2, feature: 3 };
// What buyers say in their own words (strength facts) beats a line from a feature list.
const STRENGTH_BOOST = 1.3;

/**
 * Their strengths a prospect is likely to raise, strongest first, at most two per category so
 * five certifications do not crowd out the reporting objection a seller will actually hear.
 */
function objectionSources(ctx: WriterContext): Fact[] {
  const strengths = factsOf(ctx, 'strength');
  const capabilities = factsOf(ctx, 'integration', 'compliance', 'feature').filter(
    (fact) => !fact.negative && corroborated(fact),
  );
  const rank = (fact: Fact) => fact.weight * (fact.category === 'strength' ? STRENGTH_BOOST : 1);
  const perCategory = new Map<string, number>();
  return [...strengths, ...capabilities]
    .sort((a, b) => rank(b) - rank(a) || a.index - b.index)
    .filter((fact) => {
      if (fact.category === 'strength') return true;
      const count = perCategory.get(fact.category) ?? 0;
      perCategory.set(fact.category, count + 1);
      return count < (MAX_PER_CATEGORY[fact.category] ?? 2);
    });
}

export function writeObjections(ctx: WriterContext, contrasts: Contrast[]): WriterClaim[] {
  const claims: WriterClaim[] = [];
  const seenTopics = new Set<string>();
  const usedPivots = new Set<Contrast>();
  for (const fact of objectionSources(ctx)) {
    if (claims.length >= MAX_OBJECTIONS) break;
    // One objection per topic: three SSO objections waste a seller's screen.
    const topic = specificConcepts(fact.concepts).join('+') || `fact:${fact.index}`;
    if (seenTopics.has(topic)) continue;
    seenTopics.add(topic);
    const claim = makeClaim('objections', capitalise(objectionText(ctx, fact)), [fact], {
      response: respond(ctx, fact, pivotFor(fact, contrasts, usedPivots)),
      factor: 0.9,
    });
    if (claim) claims.push(claim);
  }
  return claims;
}
