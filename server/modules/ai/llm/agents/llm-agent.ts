import type { z } from 'zod';
import type { AgentIo, AgentName } from '../../contracts';
import type { Redactor } from '../../trust';

/**
 * How the LLM engine runs one agent: what it shows the model (redacted, quoted as data), the
 * schema the model answers in (which may differ from the contract — e.g. citing facts by
 * number), and how that answer becomes a contract output (restored, sanitised, citations
 * checked, invalid items dropped and counted).
 */
export interface LlmAgent<A extends AgentName, S> {
  promptVersion: string;
  /** The schema the model sees. */
  schema: z.ZodType;
  /** The top-level form an answer must have; items are checked in `finish`. */
  shape: z.ZodType<S>;
  maxOutputTokens: number;
  prepare(input: AgentIo[A][0], redactor: Redactor): { system: string; prompt: string };
  finish(
    answer: S,
    input: AgentIo[A][0],
    redactor: Redactor,
  ): { output: AgentIo[A][1]; dropped: number };
}

/**
 * Every text is redacted in `full` mode, public pages included: a name on a pricing page may
 * be the same person as in a win/loss note, and a false positive costs nothing because
 * placeholders are restored in the answer.
 */
export const REDACTION_MODE = 'full' as const;

/** Parses each item on its own; the ones that fail are counted, not fatal. */
export function parseItems<T>(
  items: unknown[],
  schema: z.ZodType<T>,
): { items: T[]; invalid: number } {
  const ok: T[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) ok.push(parsed.data);
  }
  return { items: ok, invalid: items.length - ok.length };
}
