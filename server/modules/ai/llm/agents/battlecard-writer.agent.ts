import { z } from 'zod';
import { SECTION_KEYS, SECTION_TITLES } from '../../../../../common/battlecard-sections';
import {
  type BattlecardWriterInput,
  type BattlecardWriterOutput,
  type ProfileCitation,
  SectionKeySchema,
  type WriterClaim,
} from '../../contracts';
import { boundNumber, checkWriterCitations, quoteData, sanitizeText } from '../../trust';
import {
  BATTLECARD_WRITER_PROMPT_VERSION,
  BATTLECARD_WRITER_SYSTEM,
  battlecardWriterPrompt,
} from '../prompts/battlecard-writer.prompt';
import { type LlmAgent, REDACTION_MODE, parseItems } from './llm-agent';

/** Profile facts and quotes per fact shown to the model (highest score first). */
export const MAX_WRITER_FACTS = 120;
const QUOTES_PER_FACT = 3;
const MAX_CLAIMS = 400;

const ModelClaimSchema = z.object({
  section: SectionKeySchema,
  text: z.string(),
  response: z.string().nullable(),
  audience: z.enum(['internal', 'shareable']),
  confidence: z.number(),
  quotes: z.array(z.number().int()),
});
const ModelEmptySchema = z.object({ section: SectionKeySchema, note: z.string() });
const ModelSchema = z.object({
  claims: z.array(ModelClaimSchema),
  emptySections: z.array(ModelEmptySchema),
});
const Shape = z.object({ claims: z.array(z.unknown()), emptySections: z.array(z.unknown()) });

type Input = BattlecardWriterInput;

/** The quotes the model may cite, numbered by position. */
function quotesOf(input: Input): ProfileCitation[] {
  return input.profile.facts
    .slice(0, MAX_WRITER_FACTS)
    .flatMap((f) => f.citations.slice(0, QUOTES_PER_FACT));
}

export const battlecardWriterAgent: LlmAgent<'battlecard_writer', z.infer<typeof Shape>> = {
  promptVersion: BATTLECARD_WRITER_PROMPT_VERSION,
  schema: ModelSchema,
  shape: Shape,
  maxOutputTokens: 12_000,

  prepare(input, redactor) {
    const quotes = quotesOf(input);
    for (const q of quotes) redactor.learn(q.quote);
    const r = (text: string) => redactor.redact(text, REDACTION_MODE);
    let n = 0;
    const facts = input.profile.facts.slice(0, MAX_WRITER_FACTS).map((f) => ({
      category: f.category,
      value: r(f.value),
      conflictKey: f.conflictKey,
      latest: f.latestAt.slice(0, 10),
      quotes: f.citations.slice(0, QUOTES_PER_FACT).map((c) => ({ n: n++, quote: r(c.quote) })),
    }));
    const material = {
      competitor: {
        name: input.competitor.name,
        website: input.competitor.website,
        summary: redactor.redact(input.competitor.summary, REDACTION_MODE),
      },
      ourProduct: input.product,
      segment: input.segment,
      focusAreas: input.focusAreas,
      sections: input.sections ?? SECTION_KEYS,
      profile: { overview: r(input.profile.overview), facts },
    };
    return {
      system: BATTLECARD_WRITER_SYSTEM,
      prompt: battlecardWriterPrompt(quoteData('battlecard-material', material)),
    };
  },

  finish(answer, input, redactor) {
    const quotes = quotesOf(input);
    const wanted = new Set(input.sections ?? SECTION_KEYS);
    const parsedClaims = parseItems(answer.claims, ModelClaimSchema);
    let dropped = parsedClaims.invalid;
    const claims: WriterClaim[] = [];
    for (const item of parsedClaims.items) {
      if (!wanted.has(item.section)) continue;
      const numbers = [...new Set(item.quotes)];
      const cited = numbers.map((q) => quotes[q]).filter((c): c is ProfileCitation => !!c);
      dropped += numbers.length - cited.length;
      const text = sanitizeText(redactor.restore(item.text), 2000);
      if (cited.length === 0 || !text || claims.length >= MAX_CLAIMS) {
        dropped++;
        continue;
      }
      const response =
        item.section === 'objections' && item.response
          ? sanitizeText(redactor.restore(item.response), 2000) || undefined
          : undefined;
      claims.push({
        section: item.section,
        text,
        ...(response ? { response } : {}),
        audience: item.audience,
        confidence: boundNumber(item.confidence, 0, 1, 0.5),
        citations: cited.slice(0, 10).map((c) => ({ evidenceId: c.evidenceId, quote: c.quote })),
      });
    }
    const checked = checkWriterCitations({ claims, emptySections: [] }, input.profile);
    dropped += checked.dropped;
    const filled = new Set(checked.output.claims.map((c) => c.section));
    const notes = new Map<string, string>();
    for (const e of parseItems(answer.emptySections, ModelEmptySchema).items) {
      const note = sanitizeText(redactor.restore(e.note), 500);
      if (wanted.has(e.section) && !filled.has(e.section) && note) notes.set(e.section, note);
    }
    const emptySections: BattlecardWriterOutput['emptySections'] = [...wanted]
      .filter((section) => !filled.has(section))
      .map((section) => ({
        section,
        note:
          notes.get(section) ??
          `No cited evidence for "${SECTION_TITLES[section]}" yet: add evidence on this topic and regenerate.`,
      }));
    return { output: { claims: checked.output.claims, emptySections }, dropped };
  },
};
