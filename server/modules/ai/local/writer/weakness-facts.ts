import { type Fact, type WriterContext } from './context';
import { splitPlanLabel } from './pricing';
import { pricePosture } from './signals';
import { capitalise } from './text';

/**
 * Their weaknesses as facts: the profile's own weakness facts first, then any fact that reads as
 * a limitation (a planned feature, an outage, a seat minimum). Weaknesses, how-we-win, landmines
 * and talking points all draw from this one list.
 */

/** Facts that read as a limitation, the sharpest first; pricing only for posture problems. */
export function weaknessFacts(ctx: WriterContext): Fact[] {
  return ctx.facts
    .filter((fact) => {
      if (!fact.negative || fact.category === 'strength' || fact.category === 'news') return false;
      if (fact.category !== 'pricing') return true;
      const posture = pricePosture(fact.value);
      return posture.addOn || posture.seatMinimum || posture.annualOnly;
    })
    .sort((a, b) => {
      // Their own weakness facts first: those were judged weaknesses by the evidence itself.
      const own = Number(b.category === 'weakness') - Number(a.category === 'weakness');
      return own || b.weight - a.weight || a.index - b.index;
    });
}

/** A weakness in a few words: pricing posture facts say only the posture part. */
export function weaknessGist(fact: Fact): string {
  if (fact.category !== 'pricing') return fact.value;
  const [label, rest] = splitPlanLabel(fact.value);
  const posture = pricePosture(fact.value);
  const cue = posture.seatMinimum
    ? /minimum/i
    : posture.annualOnly
      ? /annual|monthly/i
      : posture.addOn
        ? /add[- ]?on|separately/i
        : null;
  const clause = cue ? rest.split(/,\s+|;\s+/).find((part) => cue.test(part)) : undefined;
  if (!clause || clause === rest) return fact.value;
  return label ? `${capitalise(clause)} on the ${label}` : capitalise(clause);
}
