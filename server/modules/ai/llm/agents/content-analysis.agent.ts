import { z } from 'zod';
import { type ContentAnalysisOutputSchema, type Fact, FactCategorySchema } from '../../contracts';
import { boundNumber, findQuoteSpan, quoteData, sanitizeText } from '../../trust';
import {
  CONTENT_ANALYSIS_PROMPT_VERSION,
  CONTENT_ANALYSIS_SYSTEM,
  contentAnalysisPrompt,
} from '../prompts/content-analysis.prompt';
import { type LlmAgent, parseItems, REDACTION_MODE } from './llm-agent';

/** Evidence beyond this is not sent (a model's context and a provider's bill are finite). */
export const MAX_TEXT_FOR_MODEL = 60_000;
const MAX_FACTS = 500;

const ModelFactSchema = z.object({
  category: FactCategorySchema,
  value: z.string(),
  confidence: z.number(),
  quote: z.string(),
});
const ModelSchema = z.object({ facts: z.array(ModelFactSchema) });
const Shape = z.object({ facts: z.array(z.unknown()) });

export const contentAnalysisAgent: LlmAgent<'content_analysis', z.infer<typeof Shape>> = {
  promptVersion: CONTENT_ANALYSIS_PROMPT_VERSION,
  schema: ModelSchema,
  shape: Shape,
  maxOutputTokens: 8_000,

  prepare(input, redactor) {
    const evidence = {
      title: input.title === undefined ? null : redactor.redact(input.title, REDACTION_MODE),
      kind: input.kind ?? null,
      url: input.url ?? null,
      publishedAt: input.publishedAt ?? null,
      text: redactor.redact(input.text.slice(0, MAX_TEXT_FOR_MODEL), REDACTION_MODE),
    };
    return {
      system: CONTENT_ANALYSIS_SYSTEM,
      prompt: contentAnalysisPrompt(quoteData('evidence', evidence)),
    };
  },

  finish(answer, input, redactor) {
    const { items, invalid } = parseItems(answer.facts, ModelFactSchema);
    let dropped = invalid;
    const facts: Fact[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      const quote = findQuoteSpan(input.text, redactor.restore(item.quote));
      const value = sanitizeText(redactor.restore(item.value), 300);
      if (!quote || quote.length > 1000 || !value) {
        dropped++;
        continue;
      }
      const key = `${item.category}\u0000${value.toLowerCase()}\u0000${quote}`;
      if (seen.has(key) || facts.length >= MAX_FACTS) continue;
      seen.add(key);
      facts.push({
        category: item.category,
        value,
        confidence: boundNumber(item.confidence, 0, 1, 0.5),
        quote,
      });
    }
    const output: z.infer<typeof ContentAnalysisOutputSchema> = { facts };
    return { output, dropped };
  },
};
