import { z } from 'zod';
import {
  type CompetitorProfile,
  type EvidenceFact,
  FactCategorySchema,
  type ProfileFact,
} from '../../contracts';
import { boundNumber, checkProfileCitations, quoteData, sanitizeText } from '../../trust';
import {
  COMPETITIVE_INTELLIGENCE_PROMPT_VERSION,
  COMPETITIVE_INTELLIGENCE_SYSTEM,
  competitiveIntelligencePrompt,
} from '../prompts/competitive-intelligence.prompt';
import { type LlmAgent, parseItems, REDACTION_MODE } from './llm-agent';

/** Facts shown to the model, the most confident and recent first. */
export const MAX_FACTS_FOR_MODEL = 400;
const MAX_PROFILE_FACTS = 2000;
const MAX_CITATIONS = 50;
const DAY_MS = 86_400_000;
/** A fact's weight halves every this many days without newer evidence. */
const RECENCY_HALF_LIFE_DAYS = 180;

const ModelFactSchema = z.object({
  category: FactCategorySchema,
  value: z.string(),
  confidence: z.number(),
  salience: z.number(),
  sources: z.array(z.number().int()),
  conflictKey: z.string().nullable(),
});
const ModelSchema = z.object({ overview: z.string(), facts: z.array(ModelFactSchema) });
const Shape = z.object({ overview: z.string(), facts: z.array(z.unknown()) });

const dateOf = (f: EvidenceFact) => f.publishedAt ?? f.capturedAt;

/** The facts the model sees, numbered by their position here. */
function factsForModel(facts: EvidenceFact[]): EvidenceFact[] {
  return [...facts]
    .sort(
      (a, b) =>
        b.fact.confidence - a.fact.confidence || Date.parse(dateOf(b)) - Date.parse(dateOf(a)),
    )
    .slice(0, MAX_FACTS_FOR_MODEL);
}

export const competitiveIntelligenceAgent: LlmAgent<
  'competitive_intelligence',
  z.infer<typeof Shape>
> = {
  promptVersion: COMPETITIVE_INTELLIGENCE_PROMPT_VERSION,
  schema: ModelSchema,
  shape: Shape,
  maxOutputTokens: 12_000,

  prepare(input, redactor) {
    const shown = factsForModel(input.facts);
    // Names found in private evidence are hidden everywhere else in this call too.
    for (const f of shown) redactor.learn(`${f.evidenceTitle}\n${f.fact.value}\n${f.fact.quote}`);
    const facts = shown.map((f, n) => {
      return {
        n,
        category: f.fact.category,
        value: redactor.redact(f.fact.value, REDACTION_MODE),
        quote: redactor.redact(f.fact.quote, REDACTION_MODE),
        source: redactor.redact(f.evidenceTitle, REDACTION_MODE),
        kind: f.evidenceKind,
        date: dateOf(f).slice(0, 10),
      };
    });
    const competitor = {
      name: input.competitor.name,
      website: input.competitor.website,
      summary: redactor.redact(input.competitor.summary, REDACTION_MODE),
    };
    return {
      system: COMPETITIVE_INTELLIGENCE_SYSTEM,
      prompt: competitiveIntelligencePrompt(
        quoteData('competitor', competitor),
        quoteData('facts', facts),
      ),
    };
  },

  finish(answer, input, redactor) {
    const shown = factsForModel(input.facts);
    const { items, invalid } = parseItems(answer.facts, ModelFactSchema);
    let dropped = invalid;
    type Draft = Omit<ProfileFact, 'score' | 'citations' | 'latestAt'> & {
      salience: number;
      cited: EvidenceFact[];
    };
    const merged = new Map<string, Draft>();
    for (const item of items) {
      const sources = [...new Set(item.sources)];
      const cited = sources.map((n) => shown[n]).filter((f): f is EvidenceFact => !!f);
      dropped += sources.length - cited.length;
      const value = sanitizeText(redactor.restore(item.value), 300);
      if (cited.length === 0 || !value) {
        dropped++;
        continue;
      }
      const conflictKey = item.conflictKey
        ? sanitizeText(redactor.restore(item.conflictKey), 200).toLowerCase() || null
        : null;
      // The same fact said twice by the model is one fact with the citations of both.
      const key = `${item.category}\u0000${value.toLowerCase()}`;
      const previous = merged.get(key);
      merged.set(key, {
        category: item.category,
        value,
        confidence: Math.max(previous?.confidence ?? 0, boundNumber(item.confidence, 0, 1, 0.5)),
        salience: Math.max(previous?.salience ?? 0, boundNumber(item.salience, 0, 1, 0.5)),
        conflictKey: previous?.conflictKey ?? conflictKey,
        cited: [...(previous?.cited ?? []), ...cited],
      });
    }
    const drafts = [...merged.values()].map(({ cited, ...fact }) => {
      const newestFirst = [...new Set(cited)].sort(
        (a, b) => Date.parse(dateOf(b)) - Date.parse(dateOf(a)),
      );
      const citations = [
        ...new Map(
          newestFirst.map((f) => [
            `${f.evidenceId}\u0000${f.fact.quote}`,
            { evidenceId: f.evidenceId, quote: f.fact.quote, capturedAt: f.capturedAt },
          ]),
        ).values(),
      ];
      return {
        ...fact,
        score: 0,
        citations: citations.slice(0, MAX_CITATIONS),
        latestAt: dateOf(newestFirst[0]!),
      };
    });
    const facts = rank(drafts, Date.now());
    const profile: CompetitorProfile = {
      overview: sanitizeText(redactor.restore(answer.overview), 2000),
      facts: facts.slice(0, MAX_PROFILE_FACTS),
    };
    const checked = checkProfileCitations(profile, input.facts);
    return { output: checked.profile, dropped: dropped + checked.dropped };
  },
};

/**
 * Score = salience × recency. Conflicting facts (same conflictKey) share the best score of their
 * group and sit side by side, newest first; a key only one fact carries is no conflict.
 */
function rank(facts: (ProfileFact & { salience: number })[], now: number): ProfileFact[] {
  const recency = (iso: string) =>
    Math.pow(0.5, Math.max(0, now - Date.parse(iso)) / DAY_MS / RECENCY_HALF_LIFE_DAYS);
  const groups = new Map<string, number>();
  for (const f of facts)
    if (f.conflictKey) groups.set(f.conflictKey, (groups.get(f.conflictKey) ?? 0) + 1);
  const scored = facts.map(({ salience, ...f }) => ({
    ...f,
    conflictKey: f.conflictKey && (groups.get(f.conflictKey) ?? 0) > 1 ? f.conflictKey : null,
    score: Math.round(salience * recency(f.latestAt) * 1e6) / 1e6,
  }));
  const best = new Map<string, number>();
  for (const f of scored) {
    if (f.conflictKey) best.set(f.conflictKey, Math.max(best.get(f.conflictKey) ?? 0, f.score));
  }
  for (const f of scored) if (f.conflictKey) f.score = best.get(f.conflictKey)!;
  return scored.sort(
    (a, b) =>
      b.score - a.score ||
      (a.conflictKey ?? '').localeCompare(b.conflictKey ?? '') ||
      Date.parse(b.latestAt) - Date.parse(a.latestAt),
  );
}
