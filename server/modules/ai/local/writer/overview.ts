import type { WriterClaim } from '../../contracts';
import { conceptAffinity, conceptsOf } from './concepts';
import { byWeight, factsOf, makeClaim, type Fact, type WriterContext } from './context';
import { pricesIn } from './signals';
import {
  contentStems,
  decapitalise,
  joinList,
  listOf,
  overlapRatio,
  plain,
  sharedCount,
} from './text';

/**
 * Overview: two or three lines a seller reads in ten seconds. The profile's own overview is
 * used sentence by sentence, each cited by the fact it rests on (a sentence no fact supports is
 * left out); then the company facts (founded, HQ, size, funding) in one line; then, when still
 * short, what they sell.
 */

const MAX_OVERVIEW = 3;
const MAX_OVERVIEW_SENTENCES = 2;
// Overview sentences that only list what another section shows in full.
const OTHER_SECTION_LIST =
  /^(pricing|prices|plans|security and compliance|compliance|certifications|integrations|named customers|customers)( include)?\b/i;

function splitSentences(text: string): string[] {
  return plain(text)
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"“])/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** The facts a sentence of the overview rests on (at most two), best first; none when unsupported. */
function supportFor(sentence: string, facts: Fact[], used: Set<Fact>): Fact[] {
  const stems = contentStems(sentence);
  const concepts = conceptsOf(sentence);
  const scored: { fact: Fact; score: number }[] = [];
  for (const fact of facts) {
    if (used.has(fact)) continue;
    const quotes = fact.fact.citations.slice(0, 3).map((citation) => citation.quote);
    const factStems = contentStems(`${fact.value} ${quotes.join(' ')}`);
    const shared = sharedCount(stems, factStems);
    if (shared < 2) continue;
    const score =
      shared / Math.min(stems.size, factStems.size) +
      0.1 * Math.min(2, conceptAffinity(concepts, fact.concepts));
    if (score >= 0.4) scored.push({ fact, score });
  }
  scored.sort((a, b) => b.score - a.score || a.fact.index - b.fact.index);
  return scored.slice(0, 2).map((entry) => entry.fact);
}

/** "It sells…" reads wrong out of context: name the competitor. */
function named(line: string, name: string): string {
  return line.replace(/^(It|They)\s/, `${name} `).replace(/^Its\s/, `${name}'s `);
}

export function writeOverview(ctx: WriterContext, overview: string): WriterClaim[] {
  const claims: WriterClaim[] = [];
  const used = new Set<Fact>();
  const ranked = [...ctx.facts].sort(byWeight);

  for (const line of splitSentences(overview)) {
    if (claims.length >= MAX_OVERVIEW_SENTENCES) break;
    // A list of prices belongs in the pricing section, not in the ten-second read.
    if (pricesIn(line).length >= 2 || OTHER_SECTION_LIST.test(line)) continue;
    const support = supportFor(line, ranked, used);
    if (support.length === 0) continue;
    const claim = makeClaim('overview', named(line, ctx.competitorName), support, { perFact: 1 });
    if (claim) {
      claims.push(claim);
      for (const fact of support) used.add(fact);
      // Facts the sentence already states are not repeated in the "at a glance" line.
      const said = contentStems(line);
      for (const fact of ranked) {
        if (fact.stems.size > 0 && sharedCount(fact.stems, said) / fact.stems.size >= 0.8) {
          used.add(fact);
        }
      }
    }
  }

  // One value per thing: of conflicting company facts (two headcounts), the strongest only.
  const seenKeys = new Set<string>();
  const company = factsOf(ctx, 'company')
    .filter((fact) => {
      const key = fact.fact.conflictKey;
      if (key !== null) {
        if (seenKeys.has(key)) return false;
        seenKeys.add(key);
      }
      return !used.has(fact);
    })
    .reduce<Fact[]>((kept, fact) => {
      // "Raised $45M Series B" and "Raised $45M Series B led by …" say one thing: keep one.
      if (kept.length < 4 && !kept.some((k) => overlapRatio(k.stems, fact.stems) >= 0.8)) {
        kept.push(fact);
      }
      return kept;
    }, []);
  if (company.length > 0 && claims.length < MAX_OVERVIEW) {
    const parts = company.map((fact, i) => (i === 0 ? fact.value : decapitalise(fact.value)));
    const claim = makeClaim(
      'overview',
      `${ctx.competitorName} at a glance: ${parts.join('; ')}`,
      company,
      {
        perFact: 1,
      },
    );
    if (claim) claims.push(claim);
    for (const fact of company) used.add(fact);
  }

  if (claims.length < 2) {
    const usable = (fact: Fact) => !fact.negative && !used.has(fact) && fact.value.length <= 60;
    const features = factsOf(ctx, 'feature').filter(usable).slice(0, 3);
    const integrations = factsOf(ctx, 'integration').filter(usable).slice(0, 4);
    const [offer, text] =
      features.length > 0
        ? [
            features,
            `${ctx.competitorName}'s product covers ${listOf(features.map((f) => f.value))}`,
          ]
        : [
            integrations,
            `${ctx.competitorName} integrates with ${joinList(integrations.map((f) => f.value))}`,
          ];
    if (offer.length > 0) {
      const claim = makeClaim('overview', text, offer, { perFact: 1 });
      if (claim) claims.push(claim);
    }
  }
  return claims.slice(0, MAX_OVERVIEW);
}
