import { conceptById, conceptAffinity, conceptsOf, specificConcepts } from './concepts';
import { byWeight, factsOf, type Fact, type WriterContext } from './context';
import { bestMatch, focusOn, type OurItem } from './our-product';
import { monthlySeatPrice, pricePosture, pricesIn, type Price } from './signals';
import { weaknessFacts, weaknessGist } from './weakness-facts';
import { bare, capitalise, clip, contentStems, endSentence, gist, joinList } from './text';

/**
 * The contrast between our product and theirs: where one of our capabilities, prices or proof
 * points meets one of their documented weaknesses or gaps. Every contrast carries the
 * competitor facts that establish the gap, so the claim built from it cites their evidence.
 * How-we-win, talking points and landmines are all written from this list.
 */

export type ContrastKind = 'weakness' | 'compliance_gap' | 'integration_gap' | 'entry_price';

export interface Contrast {
  kind: ContrastKind;
  /** Their facts that establish the gap: what the claim cites. */
  theirs: Fact[];
  /** Our side, in our words. */
  ours: string;
  proof: string | null;
  /** How an objection response points here: "no seat minimum", "a lower entry price". */
  pivot: string;
  concepts: Set<string>;
  weight: number;
  /** Confidence scale: a gap inferred from absence is less certain than a documented weakness. */
  factor: number;
  /** The how-we-win line. */
  text: string;
  /** The same contrast, us first, for talking points. */
  point: string;
}

const PRICE_CONCEPTS = new Set(['price', 'addon', 'minimum', 'renewal', 'contract', 'free']);

/** Price-only matches must be favourable to us: our "no seat minimum" against their minimum. */
function favourable(theirText: string, ours: OurItem): boolean {
  const shared = [...ours.concepts].filter((id) => conceptsOf(theirText).has(id));
  if (shared.some((id) => !PRICE_CONCEPTS.has(id) && !conceptById(id)?.broad)) return true;
  const them = pricePosture(theirText);
  const us = pricePosture(ours.text);
  return (
    (them.seatMinimum && us.noSeatMinimum) ||
    (them.addOn && us.included) ||
    (them.annualOnly && us.monthlyAvailable) ||
    (shared.includes('free') && us.freePlan && !them.freePlan)
  );
}

function proofFor(ctx: WriterContext, concepts: Set<string>, stems: Set<string>): string | null {
  const proof = bestMatch(ctx.our.proofPoints, concepts, stems, 0.9);
  return proof ? proof.text : null;
}

/** "Gap. Tidewell: answer. Proof: …" — trimmed part by part so the whole fits one line. */
function contrastText(gap: string, ours: string, proof: string | null, ourName: string): string {
  const head = `${endSentence(capitalise(gist(gap, 110)))} ${ourName}: ${endSentence(capitalise(gist(ours, 100)))}`;
  if (!proof) return head;
  const withProof = `${head} Proof: ${bare(proof)}.`;
  return withProof.length <= 240 ? withProof : head;
}

/** Us first, short: "Tidewell: no seat minimum (Starter) — Helpforge: minimum 10 agents." */
function pointText(ctx: WriterContext, gap: string, ours: string, proof: string | null): string {
  const us = `${ctx.our.name}: ${clip(capitalise(bare(ours)), 100)}`;
  if (proof) {
    const withProof = `${us}. Proof: ${bare(proof)}`;
    if (withProof.length <= 220) return withProof;
  }
  return `${us} — ${ctx.competitorName}: ${capitalise(gist(gap, 90))}`;
}

function emphasisFactor(ctx: WriterContext, concepts: Set<string>): number {
  return [...concepts].some((id) => ctx.segment.emphasis.has(id)) ? 1.25 : 1;
}

/**
 * Our item that answers a weakness: it must share what the weakness is mainly about (its
 * primary concept), or two specific concepts — a passing mention of "SLA" in a complaint about
 * admin effort is not an opening for our SLA feature.
 */
function answerTo(fact: Fact, candidates: OurItem[]): OurItem | null {
  let best: OurItem | null = null;
  let bestScore = 0;
  for (const item of candidates) {
    const score = conceptAffinity(item.concepts, fact.concepts);
    const onTopic = [...fact.primaries].some((id) => item.concepts.has(id));
    if (!onTopic && score < 2) continue;
    if (score > bestScore) {
      best = item;
      bestScore = score;
    }
  }
  return best;
}

function weaknessContrasts(ctx: WriterContext, usedOurs: Set<OurItem>): Contrast[] {
  const out: Contrast[] = [];
  const items = [...ctx.our.capabilities, ...ctx.our.pricingLines, ...ctx.our.proofPoints];
  for (const fact of weaknessFacts(ctx)) {
    const candidates = items.filter((item) => !usedOurs.has(item) && favourable(fact.value, item));
    const match = answerTo(fact, candidates);
    if (!match) continue;
    usedOurs.add(match);
    const isProof = ctx.our.proofPoints.includes(match as never);
    const shared = new Set([...fact.primaries].filter((id) => match.concepts.has(id)));
    const ours = isProof ? match.text : focusOn(match, shared.size > 0 ? shared : fact.concepts);
    const focus = isProof ? match.concepts : conceptsOf(ours);
    const proof = isProof
      ? null
      : proofFor(
          ctx,
          new Set([...fact.primaries, ...focus]),
          contentStems(`${fact.value} ${ours}`),
        );
    const weight =
      fact.weight *
      (fact.category === 'weakness' ? 1.2 : 1) *
      (proof || isProof ? 1.1 : 1) *
      emphasisFactor(ctx, fact.concepts);
    out.push({
      kind: 'weakness',
      theirs: [fact],
      ours,
      pivot: ours,
      proof,
      concepts: fact.concepts,
      weight,
      factor: 0.9,
      text: contrastText(weaknessGist(fact), ours, proof, ctx.our.name),
      point: pointText(ctx, weaknessGist(fact), ours, proof),
    });
  }
  return out;
}

/** Concepts of one kind on our side that no fact of theirs mentions at all. */
function missingOnTheirSide(
  ctx: WriterContext,
  kind: 'compliance' | 'integration',
  exclude: Set<string>,
): string[] {
  const ours = new Set<string>();
  for (const item of [...ctx.our.capabilities, ...ctx.our.pricingLines]) {
    for (const id of specificConcepts(item.concepts, kind)) ours.add(id);
  }
  return [...ours]
    .filter((id) => !exclude.has(id) && !ctx.facts.some((fact) => fact.concepts.has(id)))
    .sort();
}

function gapContrast(
  ctx: WriterContext,
  kind: 'compliance_gap' | 'integration_gap',
  missing: string[],
  theirs: Fact[],
): Contrast {
  const labels = missing.slice(0, 3).map((id) => conceptById(id)?.label ?? id);
  const listed = joinList(theirs.map((fact) => fact.value));
  const pronoun = labels.length > 1 ? 'them' : 'it';
  const text =
    kind === 'compliance_gap'
      ? `${ctx.our.name} covers ${joinList(labels)}; ${ctx.competitorName}'s security evidence lists ${listed}, with no mention of ${pronoun}`
      : `${ctx.our.name} connects natively to ${joinList(labels)}; ${ctx.competitorName}'s listed integrations (${listed}) do not include ${pronoun}`;
  const concepts = new Set(missing);
  return {
    kind,
    theirs,
    ours: joinList(labels),
    pivot:
      kind === 'compliance_gap'
        ? `${joinList(labels)}, which their security materials do not mention`
        : `native ${joinList(labels)} integration${labels.length > 1 ? 's' : ''}`,
    proof: null,
    concepts,
    weight: Math.max(...theirs.map((fact) => fact.weight)) * emphasisFactor(ctx, concepts),
    factor: 0.7,
    text: clip(text, 240),
    point:
      kind === 'compliance_gap'
        ? `${ctx.our.name} has ${joinList(labels)}: ask ${ctx.competitorName} to show theirs in writing`
        : `${ctx.our.name} connects natively to ${joinList(labels)}: ask ${ctx.competitorName} how they would`,
  };
}

function gapContrasts(ctx: WriterContext, covered: Set<string>): Contrast[] {
  const out: Contrast[] = [];
  const compliance = factsOf(ctx, 'compliance').filter((fact) => !fact.negative);
  const missingCompliance = missingOnTheirSide(ctx, 'compliance', covered);
  if (compliance.length > 0 && missingCompliance.length > 0) {
    out.push(gapContrast(ctx, 'compliance_gap', missingCompliance, compliance.slice(0, 3)));
  }
  const integrations = factsOf(ctx, 'integration').filter((fact) => !fact.negative);
  // A marketplace of hundreds of apps may well hold the integration: absence proves nothing.
  const marketplace = ctx.facts.some((fact) =>
    /marketplace|app store|\d{3,}\+? (apps|integrations)/i.test(fact.value),
  );
  const missingIntegrations = missingOnTheirSide(ctx, 'integration', covered).filter(
    (id) => id !== 'api',
  );
  if (integrations.length > 0 && missingIntegrations.length > 0 && !marketplace) {
    out.push(gapContrast(ctx, 'integration_gap', missingIntegrations, integrations.slice(0, 3)));
  }
  return out;
}

/** Their lowest listed seat price per month, with the fact that states it. */
function theirEntryPrice(
  ctx: WriterContext,
  currency: string,
): { fact: Fact; price: Price } | null {
  let best: { fact: Fact; price: Price; monthly: number } | null = null;
  for (const fact of factsOf(ctx, 'pricing')) {
    for (const price of pricesIn(fact.value)) {
      const monthly = monthlySeatPrice(price);
      if (monthly === null || monthly <= 0 || price.currency !== currency) continue;
      // Add-ons are not an entry price.
      if (pricePosture(fact.value).addOn) continue;
      if (!best || monthly < best.monthly) best = { fact, price, monthly };
    }
  }
  return best;
}

function entryPriceContrast(ctx: WriterContext): Contrast | null {
  const ours = ctx.our.entryPrice;
  if (!ours) return null;
  const theirs = theirEntryPrice(ctx, ours.currency);
  if (!theirs) return null;
  const ourMonthly = monthlySeatPrice(ours)!;
  if (ourMonthly >= monthlySeatPrice(theirs.price)! * 0.95) return null;
  const concepts = new Set(['price']);
  return {
    kind: 'entry_price',
    theirs: [theirs.fact],
    ours: ours.text,
    pivot: `a lower entry price (${ours.text})`,
    proof: null,
    concepts,
    weight:
      theirs.fact.weight * (ctx.segment.tier === 'smb' ? 1.4 : 1) * emphasisFactor(ctx, concepts),
    factor: 0.9,
    text: `Lower entry price: ${ctx.our.name} starts at ${ours.text}; ${ctx.competitorName}'s lowest listed plan is ${theirs.price.text}`,
    point: `${ctx.our.name} starts at ${ours.text}, against ${theirs.price.text} for ${ctx.competitorName}'s cheapest plan`,
  };
}

/** Every contrast we can cite, strongest first. Empty when our product is not filled in. */
export function findContrasts(ctx: WriterContext): Contrast[] {
  if (!ctx.our.configured) return [];
  const usedOurs = new Set<OurItem>();
  const weaknesses = weaknessContrasts(ctx, usedOurs);
  const covered = new Set<string>();
  for (const contrast of weaknesses) for (const id of contrast.concepts) covered.add(id);
  const all = [...weaknesses, ...gapContrasts(ctx, covered)];
  const entry = entryPriceContrast(ctx);
  if (entry && !weaknesses.some((c) => c.theirs[0] === entry.theirs[0])) all.push(entry);
  return all.sort(
    (a, b) =>
      b.weight - a.weight || byWeight(a.theirs[0]!, b.theirs[0]!) || a.text.localeCompare(b.text),
  );
}

/** True when a concept set is about something we answer with a contrast. */
export function contrastAbout(contrasts: Contrast[], concepts: Set<string>): Contrast | null {
  return contrasts.find((contrast) => conceptAffinity(contrast.concepts, concepts) >= 1) ?? null;
}
