import {
  APICallError,
  type LanguageModel,
  NoObjectGeneratedError,
  NoOutputGeneratedError,
  Output,
  generateText,
  jsonSchema,
  zodSchema,
} from 'ai';
import type { z } from 'zod';
import type { TokenUsage } from '../contracts';
import { LlmCallError } from './errors';
import { ResponseTooLargeError } from './providers';

/**
 * One structured-output call to the model. The JSON schema the model sees is the strict
 * `schema`; what comes back only has to pass `shape` (the top-level form) here — items are
 * checked one by one afterwards, so one bad item does not cost the whole answer. An answer
 * that is not JSON or lacks that form is asked for once more, then reported as invalid output.
 */
export interface StructuredCall<S> {
  model: LanguageModel;
  /** Output name (a tool or schema name for some providers). */
  name: string;
  schema: z.ZodType;
  shape: z.ZodType<S>;
  system: string;
  prompt: string;
  maxOutputTokens: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface StructuredResult<S> {
  output: S;
  usage: TokenUsage;
  attempts: number;
}

const ATTEMPTS = 2;

class TimeoutSignal extends Error {
  constructor() {
    super('timeout');
    this.name = 'TimeoutError';
  }
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error, depth = 0; e && depth < 6; depth++) {
    chain.push(e);
    e = (e as { cause?: unknown }).cause;
  }
  return chain;
}

function classify(error: unknown, timedOut: boolean, callerAborted: boolean): LlmCallError {
  if (error instanceof LlmCallError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (callerAborted) return new LlmCallError('aborted', 'the caller aborted the call');
  if (timedOut) return new LlmCallError('timeout', 'the model did not answer in time');
  const chain = causes(error);
  if (chain.some((e) => e instanceof ResponseTooLargeError)) {
    return new LlmCallError('invalid output', message, undefined, { cause: error });
  }
  if (NoObjectGeneratedError.isInstance(error) || NoOutputGeneratedError.isInstance(error)) {
    return new LlmCallError('invalid output', message, undefined, { cause: error });
  }
  const apiError = chain.find((e) => APICallError.isInstance(e));
  const status = apiError?.statusCode;
  return new LlmCallError('provider error', message, status && status >= 300 ? status : undefined, {
    cause: error,
  });
}

export async function callStructured<S>(call: StructuredCall<S>): Promise<StructuredResult<S>> {
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  const schema = jsonSchema<S>(zodSchema(call.schema).jsonSchema, {
    validate: (value) => {
      const parsed = call.shape.safeParse(value);
      return parsed.success
        ? { success: true, value: parsed.data }
        : { success: false, error: parsed.error };
    },
  });
  let last: LlmCallError | undefined;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new TimeoutSignal()), call.timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout.signal]) : timeout.signal;
    try {
      const result = await generateText({
        model: call.model,
        system: call.system,
        prompt: call.prompt,
        output: Output.object({ schema, name: call.name }),
        temperature: 0,
        maxOutputTokens: call.maxOutputTokens,
        maxRetries: 0,
        abortSignal: signal,
      });
      usage.inputTokens += result.totalUsage.inputTokens ?? 0;
      usage.outputTokens += result.totalUsage.outputTokens ?? 0;
      return { output: result.output, usage, attempts: attempt };
    } catch (error) {
      if (NoObjectGeneratedError.isInstance(error)) {
        usage.inputTokens += error.usage?.inputTokens ?? 0;
        usage.outputTokens += error.usage?.outputTokens ?? 0;
      }
      last = classify(error, timeout.signal.aborted, call.signal?.aborted ?? false);
      if (last.reason !== 'invalid output') throw last;
    } finally {
      clearTimeout(timer);
    }
  }
  throw last!;
}
