import {
  type FakeHandler,
  type FakeLlmServer,
  type FakeProtocol,
  startFakeLlmServer,
} from './fake-llm-server';

/**
 * OpenAI's chat-completions protocol (`POST /v1/chat/completions`), as spoken by OpenAI and by
 * OpenAI-compatible servers (Ollama, vLLM, LM Studio, llama.cpp). Structured output arrives as
 * `response_format: json_schema`; if the client forces a function tool instead, the reply is a
 * tool call carrying the JSON.
 */

type Message = { role?: string; content?: unknown };

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part: { type?: string; text?: string }) => (part.type === 'text' ? part.text : ''))
      .join('');
  }
  return '';
}

/** The function the client forces, if it asked for a tool call rather than JSON content. */
function forcedTool(body: Record<string, unknown>): string | undefined {
  const choice = body.tool_choice as { type?: string; function?: { name?: string } } | undefined;
  return choice?.type === 'function' ? choice.function?.name : undefined;
}

export const openAiProtocol: FakeProtocol = {
  paths: ['/v1/chat/completions'],
  readPrompt(body) {
    const messages = (body.messages ?? []) as Message[];
    const of = (role: string) =>
      messages
        .filter((m) => m.role === role)
        .map((m) => textOf(m.content))
        .join('\n');
    return { system: of('system') || of('developer'), user: of('user') };
  },
  success(body, { content, parsed, usage }) {
    const tool = forcedTool(body);
    const message =
      tool && parsed !== undefined
        ? {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'call_1', type: 'function', function: { name: tool, arguments: content } },
            ],
          }
        : { role: 'assistant', content };
    return {
      id: `chatcmpl-${Date.now()}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: String(body.model),
      choices: [
        { index: 0, message, finish_reason: 'tool_calls' in message ? 'tool_calls' : 'stop' },
      ],
      usage: {
        prompt_tokens: usage.input,
        completion_tokens: usage.output,
        total_tokens: usage.input + usage.output,
      },
    };
  },
  error(status, message) {
    return {
      error: {
        message,
        type: status >= 500 ? 'server_error' : 'invalid_request_error',
        code: null,
      },
    };
  },
};

/** A fake OpenAI / OpenAI-compatible server on 127.0.0.1; `url` ends in `/v1`. */
export function startFakeOpenAi(handler: FakeHandler): Promise<FakeLlmServer> {
  return startFakeLlmServer(openAiProtocol, handler);
}
