import { diffLines } from 'diff';
import { z } from 'zod';
import { ChangeClassSchema, type ChangeSummaryOutput } from '../../contracts';
import { boundNumber, quoteData, sanitizeText } from '../../trust';
import { LlmCallError } from '../errors';
import {
  CHANGE_SUMMARY_PROMPT_VERSION,
  CHANGE_SUMMARY_SYSTEM,
  changeSummaryPrompt,
} from '../prompts/change-summary.prompt';
import { type LlmAgent, REDACTION_MODE, parseItems } from './llm-agent';

/** Characters of changed lines (with a line of context) shown to the model. */
export const MAX_DIFF_FOR_MODEL = 24_000;
const DIFF_TIMEOUT_MS = 1_000;

const ModelPriceSchema = z.object({
  label: z.string().nullable(),
  from: z.string(),
  to: z.string(),
});
const ModelSchema = z.object({
  summary: z.string(),
  class: ChangeClassSchema,
  importance: z.number(),
  priceChanges: z.array(ModelPriceSchema),
});
const Shape = z.object({
  summary: z.string(),
  class: z.string(),
  importance: z.unknown(),
  priceChanges: z.array(z.unknown()),
});

/** Changed lines marked "-"/"+" with one unchanged line of context around each change. */
function changedLines(before: string, after: string): string {
  const parts = diffLines(before, after, { timeout: DIFF_TIMEOUT_MS });
  if (!parts) {
    // Too different to diff in time: show the start of both versions.
    const half = MAX_DIFF_FOR_MODEL / 2;
    return `--- before\n${before.slice(0, half)}\n+++ after\n${after.slice(0, half)}`;
  }
  const out: string[] = [];
  parts.forEach((part, i) => {
    const lines = part.value.replace(/\n$/, '').split('\n');
    if (part.added || part.removed) {
      out.push(...lines.map((l) => `${part.added ? '+' : '-'} ${l}`));
      return;
    }
    const context: string[] = [];
    if (i > 0) context.push(lines[0]!);
    if (i < parts.length - 1 && lines.length > 1) {
      if (lines.length > 2) context.push('…');
      context.push(lines.at(-1)!);
    }
    out.push(...context.map((l) => `  ${l}`));
  });
  return out.join('\n').slice(0, MAX_DIFF_FOR_MODEL);
}

export const changeSummaryAgent: LlmAgent<'change_summary', z.infer<typeof Shape>> = {
  promptVersion: CHANGE_SUMMARY_PROMPT_VERSION,
  schema: ModelSchema,
  shape: Shape,
  maxOutputTokens: 2_000,

  prepare(input, redactor) {
    const change = {
      title: input.title === undefined ? null : redactor.redact(input.title, REDACTION_MODE),
      url: input.url ?? null,
      changes: redactor.redact(changedLines(input.before, input.after), REDACTION_MODE),
    };
    return {
      system: CHANGE_SUMMARY_SYSTEM,
      prompt: changeSummaryPrompt(quoteData('change', change)),
    };
  },

  finish(answer, _input, redactor) {
    const summary = sanitizeText(redactor.restore(answer.summary), 600);
    if (!summary) throw new LlmCallError('invalid output', 'the model gave an empty summary');
    const cls = ChangeClassSchema.safeParse(answer.class);
    const prices = parseItems(answer.priceChanges, ModelPriceSchema);
    const priceChanges = prices.items
      .map((p) => ({
        label: p.label === null ? null : sanitizeText(redactor.restore(p.label), 200) || null,
        from: sanitizeText(redactor.restore(p.from), 100),
        to: sanitizeText(redactor.restore(p.to), 100),
      }))
      .filter((p) => p.from && p.to)
      .slice(0, 50);
    const output: ChangeSummaryOutput = {
      summary,
      class: cls.success ? cls.data : 'other',
      importance: boundNumber(answer.importance, 0, 1, 0.5),
      priceChanges,
    };
    return { output, dropped: prices.invalid + (cls.success ? 0 : 1) };
  },
};
