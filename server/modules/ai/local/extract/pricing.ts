import {
  CUSTOM_PRICING_RE,
  CUSTOM_PRICING_STRONG_RE,
  NO_FREE_PLAN_RE,
  FREE_PLAN_RE,
  FREE_TRIAL_RE,
  NOT_A_PRICE_CUE,
  PRICING_CUE,
  billingTerm,
  describePrice,
  findPrices,
} from '../lexicons/prices';
import { findPlans } from '../lexicons/plans';
import { type Draft, type Extractor, clauseSpan, sentenceSpan } from './draft';

/**
 * Prices with their plan and billing term ("Pro plan: $49 per user/month, billed annually"),
 * free plans and trials, and "contact sales" pricing.
 */
export const extractPricing: Extractor = (sentence, context) => {
  const text = sentence.text;
  const drafts: Draft[] = [];
  const prices = findPrices(text);
  const plans = findPlans(text);
  const billing = billingTerm(text);
  const pricingWords =
    PRICING_CUE.test(text) || context.plan !== null || /pric/.test(context.section);
  if (!NOT_A_PRICE_CUE.test(text)) {
    for (const price of prices) {
      const explicit = price.period !== null || price.unit !== null;
      if (!explicit && plans.length === 0 && !pricingWords) continue;
      if (price.numeric === 0 && !explicit) continue;
      // The plan named closest before the price, else after it, else the card we are in.
      const before = plans.filter((p) => p.end <= price.start).pop();
      const after = plans.find((p) => p.start >= price.end);
      const named = plans.filter((p) => p.explicit);
      // "¥1,800 per seat on Team and ¥3,600 per seat on Business": each price its own plan.
      const onPlan =
        after &&
        /^[^.;$€£¥]{0,30}?\b(?:on|for|with|in) (?:the )?$/i.test(text.slice(price.end, after.start))
          ? after.name
          : null;
      const plan =
        onPlan ??
        (named.length === 1 ? named[0]!.name : null) ??
        before?.name ??
        after?.name ??
        context.plan;
      const label = plan ? `${plan} plan: ` : '';
      const value = `${label}${describePrice(price)}${billing ? `, ${billing}` : ''}`;
      const span: { start: number; end: number } =
        prices.length > 1
          ? clauseSpan(sentence, Math.min(before?.start ?? price.start, price.start), price.end)
          : sentenceSpan(sentence);
      // A price under a plan card's heading quotes from the heading down: the quote shows the plan.
      const fromCard = !before && !after && plan !== null && plan === context.plan;
      if (fromCard && span.end - context.planAt <= 400 && context.planAt < span.start)
        span.start = context.planAt;
      drafts.push({
        category: 'pricing',
        value,
        confidence: explicit ? (plan ? 0.92 : 0.85) : plan ? 0.8 : 0.6,
        ...span,
      });
    }
  }
  if (NO_FREE_PLAN_RE.test(text)) {
    drafts.push({
      category: 'pricing',
      value: 'No free plan',
      confidence: 0.8,
      ...sentenceSpan(sentence),
    });
  }
  const free = FREE_PLAN_RE.exec(text);
  if (free && !NO_FREE_PLAN_RE.test(text) && !/\bnot free\b/i.test(text)) {
    drafts.push({
      category: 'pricing',
      value: 'Free plan available',
      confidence: 0.8,
      ...sentenceSpan(sentence),
    });
  }
  const trial = FREE_TRIAL_RE.exec(text);
  if (trial && !/\bno free trial\b/i.test(text)) {
    const days = trial[1] ?? trial[2] ?? trial[3];
    drafts.push({
      category: 'pricing',
      value: days ? `${days}-day free trial` : 'Free trial available',
      confidence: 0.8,
      ...sentenceSpan(sentence),
    });
  }
  // A pricing table row, "| Hobby | $0 | 10 monitors |" or "| Enterprise | Contact us |": the
  // first cell names the plan, the second says what it costs.
  const row = /^\s*\|\s*([A-Z][\w+&' -]{0,24}?)\s*\|\s*([^|]{1,40}?)\s*\|/.exec(text);
  if (row && pricingWords && !/^(?:plan|tier|edition|name)s?$/i.test(row[1]!)) {
    const [, plan, cell] = row;
    const value = /^(?:[$€£]\s?0(?:\.00)?|0\s?[$€£]|free(?: forever)?)$/i.test(cell!)
      ? `${plan!.trim()} plan: free`
      : /\b(?:contact|custom|let'?s talk|talk to|quote|call us)\b/i.test(cell!)
        ? `${plan!.trim()} plan: custom pricing (contact sales)`
        : null;
    if (value)
      drafts.push({ category: 'pricing', value, confidence: 0.8, ...sentenceSpan(sentence) });
  }
  const custom = CUSTOM_PRICING_RE.exec(text);
  const cardPlan = plans[0]?.name ?? context.plan;
  if (custom && prices.length === 0 && (cardPlan !== null || CUSTOM_PRICING_STRONG_RE.test(text))) {
    const plan = cardPlan;
    drafts.push({
      category: 'pricing',
      value: `${plan ? `${plan} plan: ` : ''}custom pricing (contact sales)`,
      confidence: plan ? 0.85 : 0.7,
      ...sentenceSpan(sentence),
    });
  }
  return drafts;
};
