import { BUYING_CONCEPTS } from './lexicon-buying';
import { PLATFORM_CONCEPTS } from './lexicon-platform';
import { stems } from './text';

/**
 * The concept lexicon: the few hundred words B2B buyers and sellers use for the same things
 * ("SSO", "SAML", "single sign-on"). Two texts that share a concept are about the same thing
 * even when they share no word, which is how our capabilities meet their facts.
 */

export type ConceptKind = 'compliance' | 'integration' | 'price' | 'quality' | 'capability';

export interface Concept {
  id: string;
  kind: ConceptKind;
  /** Shown to sellers: "single sign-on", "SOC 2". */
  label: string;
  phrases: string[];
  /** Broad concepts (pricing, security) count for less than specific ones (SOC 2, Salesforce). */
  broad?: boolean;
  /** A landmine question that exposes a weakness on this concept. */
  question?: string;
  /** How a seller answers an objection on this concept when we have no matching capability. */
  counter?: string;
}

export const CONCEPTS: Concept[] = [...PLATFORM_CONCEPTS, ...BUYING_CONCEPTS];

const BY_ID = new Map(CONCEPTS.map((concept) => [concept.id, concept]));

export function conceptById(id: string): Concept | undefined {
  return BY_ID.get(id);
}

interface CompiledPhrase {
  concept: string;
  tokens: string[];
}

// Phrases compiled once to stem sequences, indexed by their first stem for a fast scan.
const PHRASES_BY_FIRST = (() => {
  const index = new Map<string, CompiledPhrase[]>();
  for (const concept of CONCEPTS) {
    for (const phrase of concept.phrases) {
      const tokens = stems(phrase);
      if (tokens.length === 0) continue;
      const list = index.get(tokens[0]!) ?? [];
      list.push({ concept: concept.id, tokens });
      index.set(tokens[0]!, list);
    }
  }
  return index;
})();

/** The concepts a text mentions, by phrase match over stems. */
export function conceptsOf(text: string): Set<string> {
  return new Set(conceptsInOrder(text));
}

/** The concepts a text mentions, in order of first mention: the first is usually its subject. */
export function conceptsInOrder(text: string): string[] {
  const tokens = stems(text);
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const candidates = PHRASES_BY_FIRST.get(tokens[i]!);
    if (!candidates) continue;
    for (const phrase of candidates) {
      if (found.includes(phrase.concept)) continue;
      let match = true;
      for (let j = 1; j < phrase.tokens.length; j += 1) {
        if (tokens[i + j] !== phrase.tokens[j]) {
          match = false;
          break;
        }
      }
      if (match) found.push(phrase.concept);
    }
  }
  return found;
}

/** Shared concepts, weighted: a shared SOC 2 says more than a shared "security". */
export function conceptAffinity(a: Set<string>, b: Set<string>): number {
  let score = 0;
  for (const id of a) {
    if (!b.has(id)) continue;
    score += BY_ID.get(id)?.broad ? 0.4 : 1;
  }
  return score;
}

/** The specific (not broad) concepts of a set, of one kind when given. */
export function specificConcepts(set: Set<string>, kind?: ConceptKind): string[] {
  return [...set]
    .filter((id) => {
      const concept = BY_ID.get(id);
      return concept && !concept.broad && (kind === undefined || concept.kind === kind);
    })
    .sort();
}
