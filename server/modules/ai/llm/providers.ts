import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { Config } from '../../../config';

export type LlmProvider = Exclude<Config['ai']['provider'], 'local'>;
export type LlmSettings = Pick<Config['ai'], 'model' | 'baseUrl' | 'apiKey'> & {
  provider: LlmProvider;
};

/** Largest provider response read into memory; a runaway model cannot exhaust the process. */
export const MAX_RESPONSE_BYTES = 4 * 1_048_576;

export class ResponseTooLargeError extends Error {
  constructor(limit: number) {
    super(`the provider's response exceeded ${limit} bytes`);
    this.name = 'ResponseTooLargeError';
  }
}

/** fetch that stops reading (and fails) once a response body passes `limit` bytes. */
export function cappedFetch(limit = MAX_RESPONSE_BYTES, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (!response.body) return response;
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > limit) {
      await response.body.cancel();
      throw new ResponseTooLargeError(limit);
    }
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw new ResponseTooLargeError(limit);
      }
      chunks.push(value);
    }
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(Buffer.concat(chunks), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}

/**
 * The AI SDK model for the configured provider. OpenAI and OpenAI-compatible servers are
 * spoken to through chat completions (`openai('m')` alone would call /v1/responses, which
 * Ollama, vLLM, LM Studio and llama.cpp do not serve).
 */
export function createLanguageModel(
  settings: LlmSettings,
  fetchImpl: typeof fetch = cappedFetch(),
): LanguageModel {
  const model = settings.model;
  if (!model) throw new Error(`AI_MODEL is required when AI_PROVIDER=${settings.provider}`);
  switch (settings.provider) {
    case 'openai':
      return createOpenAI({
        apiKey: settings.apiKey,
        ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}),
        fetch: fetchImpl,
      }).chat(model);
    case 'openai-compatible': {
      if (!settings.baseUrl) throw new Error('AI_BASE_URL is required for openai-compatible');
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: settings.baseUrl,
        ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
        supportsStructuredOutputs: true,
        includeUsage: true,
        fetch: fetchImpl,
      }).chatModel(model);
    }
    case 'anthropic':
      return createAnthropic({
        apiKey: settings.apiKey,
        ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}),
        fetch: fetchImpl,
      })(model);
  }
}
