import { FACT_CATEGORIES, type FactCategory } from '../contracts';
import { buildProfile } from '../local/competitive-intelligence';
import { analyzeContent } from '../local/content-analysis';
import { type CorpusCompetitor, type KeyFact, loadCorpus } from './corpus';

/**
 * Recall and precision of the local engine against the answer key.
 *
 * Matching rule: an extracted fact matches a key fact when the categories are equal and every
 * required term of the key fact occurs in the extracted fact's VALUE (case-insensitive,
 * hyphens and runs of spaces treated alike) — the quote is not searched. Recall = required
 * key facts matched by at least one extracted fact ÷ required key facts. Precision = extracted
 * facts matching any key fact (required or optional) ÷ extracted facts.
 */
export const MATCHING_RULE =
  'a fact matches a key fact when the category is equal and every key term occurs in the extracted VALUE (case-insensitive; hyphens = spaces; the quote is not searched). ' +
  'Recall = required key facts matched ÷ required key facts. Precision = extracted facts matching any key fact (required or optional) ÷ extracted facts. ' +
  'Profile: the same, against the per-competitor union of the key (deduplicated by category + terms).';

export interface Tally {
  keyFacts: number;
  recalled: number;
  extracted: number;
  correct: number;
}

export interface Scores {
  byCategory: Record<FactCategory, Tally>;
  overall: Tally;
}

export interface EvaluationReport {
  contentAnalysis: Scores;
  profile: Scores;
  perCompetitor: { slug: string; heldOut: boolean; contentAnalysis: Tally; profile: Tally }[];
  /** Required key facts nobody found, and extracted facts no key fact accepts (for tuning). */
  misses: { slug: string; file: string; category: FactCategory; terms: string }[];
  falsePositives: { slug: string; file: string; category: FactCategory; value: string }[];
}

const flat = (s: string) => s.toLowerCase().replace(/[-‐–—\s]+/g, ' ');

export function matches(key: KeyFact, category: FactCategory, value: string): boolean {
  if (key.category !== category) return false;
  const v = flat(value);
  return key.terms.every((t) => v.includes(flat(t)));
}

function emptyScores(): Scores {
  const byCategory = Object.fromEntries(
    FACT_CATEGORIES.map((c) => [c, { keyFacts: 0, recalled: 0, extracted: 0, correct: 0 }]),
  ) as Record<FactCategory, Tally>;
  return { byCategory, overall: { keyFacts: 0, recalled: 0, extracted: 0, correct: 0 } };
}

function add(scores: Scores, category: FactCategory, field: keyof Tally): void {
  scores.byCategory[category][field]++;
  scores.overall[field]++;
}

function tally(
  scores: Scores,
  own: Tally,
  key: KeyFact[],
  facts: { category: FactCategory; value: string }[],
  onMiss: (k: KeyFact) => void,
  onWrong: (f: { category: FactCategory; value: string }) => void,
): void {
  for (const k of key) {
    if (k.optional) continue;
    add(scores, k.category, 'keyFacts');
    own.keyFacts++;
    if (facts.some((f) => matches(k, f.category, f.value))) {
      add(scores, k.category, 'recalled');
      own.recalled++;
    } else onMiss(k);
  }
  for (const f of facts) {
    add(scores, f.category, 'extracted');
    own.extracted++;
    if (key.some((k) => matches(k, f.category, f.value))) {
      add(scores, f.category, 'correct');
      own.correct++;
    } else onWrong(f);
  }
}

/** The key facts of all of a competitor's documents, each (category, terms) once. */
function unionKey(competitor: CorpusCompetitor): KeyFact[] {
  const byId = new Map<string, KeyFact>();
  for (const d of competitor.documents) {
    for (const k of d.key) {
      const id = `${k.category}:${k.terms.map(flat).sort().join('|')}`;
      const prior = byId.get(id);
      // Required anywhere → required in the union.
      if (!prior || (prior.optional && !k.optional)) byId.set(id, k);
    }
  }
  return [...byId.values()];
}

export function evaluate(corpus: CorpusCompetitor[] = loadCorpus()): EvaluationReport {
  const report: EvaluationReport = {
    contentAnalysis: emptyScores(),
    profile: emptyScores(),
    perCompetitor: [],
    misses: [],
    falsePositives: [],
  };
  for (const competitor of corpus) {
    const ca: Tally = { keyFacts: 0, recalled: 0, extracted: 0, correct: 0 };
    const pr: Tally = { keyFacts: 0, recalled: 0, extracted: 0, correct: 0 };
    const evidenceFacts = [];
    for (const doc of competitor.documents) {
      const { facts } = analyzeContent({
        text: doc.text,
        title: doc.title,
        kind: doc.kind,
        ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
      });
      tally(
        report.contentAnalysis,
        ca,
        doc.key,
        facts,
        (k) =>
          report.misses.push({
            slug: competitor.slug,
            file: doc.file,
            category: k.category,
            terms: k.terms.join('|'),
          }),
        (f) =>
          report.falsePositives.push({
            slug: competitor.slug,
            file: doc.file,
            category: f.category,
            value: f.value,
          }),
      );
      for (const fact of facts) {
        evidenceFacts.push({
          evidenceId: doc.id,
          evidenceKind: doc.kind,
          evidenceTitle: doc.title,
          capturedAt: doc.capturedAt,
          publishedAt: doc.publishedAt,
          fact,
        });
      }
    }
    const profile = buildProfile({
      competitor: { name: competitor.name, website: competitor.website, summary: '' },
      facts: evidenceFacts,
    });
    tally(
      report.profile,
      pr,
      unionKey(competitor),
      profile.facts,
      () => {},
      () => {},
    );
    report.perCompetitor.push({
      slug: competitor.slug,
      heldOut: competitor.heldOut,
      contentAnalysis: ca,
      profile: pr,
    });
  }
  return report;
}

export const recall = (t: Tally) => (t.keyFacts === 0 ? 1 : t.recalled / t.keyFacts);
export const precision = (t: Tally) => (t.extracted === 0 ? 1 : t.correct / t.extracted);
