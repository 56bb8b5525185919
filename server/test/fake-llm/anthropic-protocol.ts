import {
  type FakeHandler,
  type FakeLlmServer,
  type FakeProtocol,
  startFakeLlmServer,
} from './fake-llm-server';

/**
 * Anthropic's messages protocol (`POST /v1/messages`). Structured output arrives either as
 * `output_config.format: json_schema` (answered with a text block) or as a forced `json` tool
 * (answered with a tool_use block), depending on what the client chose for the model.
 */

type Block = { type?: string; text?: string };

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return (content as Block[]).map((b) => (b.type === 'text' ? (b.text ?? '') : '')).join('');
  }
  return '';
}

function forcedTool(body: Record<string, unknown>): string | undefined {
  const choice = body.tool_choice as { type?: string; name?: string } | undefined;
  const tools = (body.tools ?? []) as { name?: string }[];
  if (choice?.type === 'tool') return choice.name;
  // `any` with a single tool is how the AI SDK forces its `json` tool.
  return choice?.type === 'any' && tools.length === 1 ? tools[0]!.name : undefined;
}

export const anthropicProtocol: FakeProtocol = {
  paths: ['/v1/messages'],
  readPrompt(body) {
    const messages = (body.messages ?? []) as { role?: string; content?: unknown }[];
    return {
      system: textOf(body.system),
      user: messages
        .filter((m) => m.role === 'user')
        .map((m) => textOf(m.content))
        .join('\n'),
    };
  },
  success(body, { content, parsed, usage }) {
    const tool = forcedTool(body);
    const useTool = tool !== undefined && parsed !== null && typeof parsed === 'object';
    return {
      id: `msg_${Date.now()}`,
      type: 'message',
      role: 'assistant',
      model: String(body.model),
      content: useTool
        ? [{ type: 'tool_use', id: 'toolu_1', name: tool, input: parsed }]
        : [{ type: 'text', text: content }],
      stop_reason: useTool ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: usage.input, output_tokens: usage.output },
    };
  },
  error(status, message) {
    const type =
      status === 429 ? 'rate_limit_error' : status >= 500 ? 'api_error' : 'invalid_request_error';
    return { type: 'error', error: { type, message } };
  },
};

/** A fake Anthropic server on 127.0.0.1; `url` ends in `/v1`. */
export function startFakeAnthropic(handler: FakeHandler): Promise<FakeLlmServer> {
  return startFakeLlmServer(anthropicProtocol, handler);
}
