import type { SectionKey } from '../../../../../common/battlecard-sections';
import type {
  BattlecardWriterInput,
  FactCategory,
  ProfileFact,
  WriterClaim,
} from '../../contracts';
import { sideOf, withoutLabel } from './clauses';
import { conceptAffinity, conceptById, conceptsInOrder, conceptsOf } from './concepts';
import { readOurProduct, type OurSide } from './our-product';
import { readSegment, type SegmentFocus } from './segment';
import { isNegative, pricePosture } from './signals';
import { bare, contentStems, plain, round2, sentence, sharedCount } from './text';

/**
 * Everything the section writers share: the competitor's facts annotated once (concepts,
 * stems, polarity, weight for this segment and these focus areas), our side read once, and the
 * one function that turns facts into a cited claim.
 */

export interface Fact {
  fact: ProfileFact;
  /** Position in the profile: the final tie-breaker, so ordering never depends on chance. */
  index: number;
  category: FactCategory;
  /** The value, cleaned for display, without trailing punctuation. */
  value: string;
  concepts: Set<string>;
  /** The same concepts in order of first mention. */
  ordered: string[];
  /**
   * What the fact is mainly about: its first specific concept, plus any price posture it states
   * (a seat minimum, an add-on). A contrast must answer one of these, not a passing mention.
   */
  primaries: Set<string>;
  stems: Set<string>;
  /** A limitation, complaint or gap, whatever its category. */
  negative: boolean;
  /** Independent pieces of evidence behind it. */
  sources: number;
  /** Matches a focus area the user asked for. */
  focused: boolean;
  /** Ranking weight for this card: salience, confidence, focus and segment. */
  weight: number;
}

export interface WriterContext {
  competitorName: string;
  facts: Fact[];
  our: OurSide;
  segment: SegmentFocus;
  focus: { concepts: Set<string>; stems: Set<string> }[];
}

/**
 * Who may read each section. Internal: our reading of them and what we say about them (a
 * prospect must never receive our landmines or our view of their weaknesses). Shareable: plain
 * public facts a seller could paste into an email (what they sell, at what price, to whom, and
 * what they announced). Strengths stay internal: they are coaching for our sellers, phrased
 * candidly, not something to send a prospect.
 */
export const SECTION_AUDIENCE: Record<SectionKey, WriterClaim['audience']> = {
  overview: 'shareable',
  strengths: 'internal',
  weaknesses: 'internal',
  how_we_win: 'internal',
  objections: 'internal',
  landmines: 'internal',
  pricing: 'shareable',
  customers: 'shareable',
  news: 'shareable',
  talking_points: 'internal',
};

const FOCUS_BOOST = 1.6;
const SEGMENT_BOOST = 1.25;

export function buildContext(input: BattlecardWriterInput): WriterContext {
  const competitorName = bare(input.competitor.name) || 'They';
  const segment = readSegment(input.segment);
  const focus = input.focusAreas
    .map((area) => ({ concepts: conceptsOf(area), stems: contentStems(area) }))
    .filter((area) => area.concepts.size > 0 || area.stems.size > 0);
  const maxScore = Math.max(0, ...input.profile.facts.map((fact) => fact.score));
  const nameStems = contentStems(competitorName);

  const facts = input.profile.facts.flatMap((fact, index): Fact[] => {
    const value = opinionValue(fact);
    if (value === null) return [];
    const quote = fact.citations[0]?.quote ?? '';
    const own = conceptsInOrder(value);
    // Short labels ("Customer-managed keys") stand alone; a quote's other words would mislead.
    const fromQuote = fact.category === 'weakness' || fact.category === 'strength';
    const ordered = own.length > 0 || !fromQuote ? own : conceptsInOrder(`${value} ${quote}`);
    const concepts = new Set(ordered);
    const primaries = primaryConcepts(value, concepts);
    const stems = contentStems(value);
    for (const stem of nameStems) stems.delete(stem);
    const focused = focus.some(
      (area) => conceptAffinity(area.concepts, concepts) > 0 || sharedCount(area.stems, stems) > 0,
    );
    const emphasised = [...concepts].some((id) => segment.emphasis.has(id));
    const salience = maxScore > 0 ? fact.score / maxScore : 0;
    let weight = salience * 0.6 + fact.confidence * 0.4;
    if (focused) weight *= FOCUS_BOOST;
    if (emphasised) weight *= SEGMENT_BOOST;
    return [
      {
        fact,
        index,
        category: fact.category,
        value,
        concepts,
        ordered,
        primaries,
        stems,
        negative: fact.category === 'weakness' || isNegative(value),
        sources: new Set(fact.citations.map((citation) => citation.evidenceId)).size,
        focused,
        weight,
      },
    ];
  });

  return {
    competitorName,
    facts,
    our: readOurProduct(input.product),
    segment,
    focus,
  };
}

/**
 * A fact's display value. Strengths and weaknesses keep only their own side of a mixed
 * sentence and lose note labels; null when nothing of that side is left.
 */
function opinionValue(fact: ProfileFact): string | null {
  const value = bare(fact.value);
  if (fact.category !== 'strength' && fact.category !== 'weakness') return value;
  const said = sideOf(withoutLabel(value), fact.category === 'strength' ? 'positive' : 'negative');
  return said === null ? null : bare(said);
}

function primaryConcepts(value: string, concepts: Set<string>): Set<string> {
  const ordered = conceptsInOrder(value);
  const first =
    ordered.find((id) => !conceptById(id)?.broad && conceptById(id)?.kind !== 'price') ??
    ordered.find((id) => !conceptById(id)?.broad) ??
    [...concepts].sort()[0];
  const out = new Set<string>(first ? [first] : []);
  const posture = pricePosture(value);
  if (posture.seatMinimum) out.add('minimum');
  if (posture.addOn) out.add('addon');
  if (posture.annualOnly) out.add('contract');
  if (/renewal|uplift|price increase/i.test(value)) out.add('renewal');
  return out;
}

/** Highest weight first; ties by profile order, so the result is stable. */
export function byWeight(a: Fact, b: Fact): number {
  return b.weight - a.weight || a.index - b.index;
}

export function factsOf(ctx: WriterContext, ...categories: FactCategory[]): Fact[] {
  return ctx.facts.filter((fact) => categories.includes(fact.category)).sort(byWeight);
}

/** Newest first, then by weight. */
export function byRecency(a: Fact, b: Fact): number {
  return b.fact.latestAt.localeCompare(a.fact.latestAt) || byWeight(a, b);
}

const MAX_CITATIONS = 10;

/**
 * Up to `perFact` citations of each fact: newest first, distinct evidence preferred, and when
 * `prefer` is given, the quotes closest to that text first (the quote that proves the line).
 */
export function citationsOf(facts: Fact[], perFact = 2, prefer?: string): WriterClaim['citations'] {
  const out: WriterClaim['citations'] = [];
  const seen = new Set<string>();
  const preferStems = prefer ? contentStems(prefer) : null;
  for (const { fact } of facts) {
    const usedEvidence = new Set<string>();
    const candidates = preferStems
      ? fact.citations
          .map((citation, i) => ({
            citation,
            i,
            shared: sharedCount(preferStems, contentStems(citation.quote)),
          }))
          .sort((a, b) => b.shared - a.shared || a.i - b.i)
          .map((entry) => entry.citation)
      : fact.citations;
    // Distinct evidence first: two sources say more than two quotes from one page.
    const ordered = [
      ...candidates.filter((c) => {
        if (usedEvidence.has(c.evidenceId)) return false;
        usedEvidence.add(c.evidenceId);
        return true;
      }),
      ...candidates,
    ];
    let taken = 0;
    for (const citation of ordered) {
      if (taken >= perFact || out.length >= MAX_CITATIONS) break;
      const key = `${citation.evidenceId}\u0000${citation.quote}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ evidenceId: citation.evidenceId, quote: citation.quote });
      taken += 1;
    }
  }
  return out;
}

/** Confidence of a claim: its facts' merged confidence, nudged up by independent sources. */
export function confidenceOf(facts: Fact[], factor = 1): number {
  if (facts.length === 0) return 0;
  const mean = facts.reduce((sum, fact) => sum + fact.fact.confidence, 0) / facts.length;
  const sources = Math.max(...facts.map((fact) => fact.sources));
  const bonus = Math.min(0.1, (sources - 1) * 0.04);
  return round2(Math.min(0.99, (mean + bonus) * factor));
}

export interface ClaimOptions {
  response?: string;
  /** Scales confidence: inferred claims (contrast, objections) are less certain than facts. */
  factor?: number;
  perFact?: number;
  /** Rank each fact's citations by closeness to this text (defaults to the claim text). */
  prefer?: string;
}

/** A claim citing its facts, or null when the facts carry no citation. */
export function makeClaim(
  section: SectionKey,
  text: string,
  facts: Fact[],
  options: ClaimOptions = {},
): WriterClaim | null {
  const citations = citationsOf(facts, options.perFact, options.prefer ?? text);
  const body = sentence(text);
  if (citations.length === 0 || body.length === 0) return null;
  const claim: WriterClaim = {
    section,
    text: body,
    audience: SECTION_AUDIENCE[section],
    confidence: confidenceOf(facts, options.factor),
    citations,
  };
  if (options.response !== undefined) claim.response = options.response;
  return claim;
}

/** The value as it reads inside a sentence ("SOC 2 Type II", "Salesforce"). */
export function display(fact: Fact): string {
  return plain(fact.value);
}
