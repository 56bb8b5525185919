import type { LanguageModel } from 'ai';
import type { Logger } from '../../../lib/logger';
import {
  AGENT_SCHEMAS,
  type AgentIo,
  type AgentName,
  type AgentResult,
  type Engine,
} from '../contracts';
import { Redactor } from '../trust';
import { battlecardWriterAgent } from './agents/battlecard-writer.agent';
import { changeSummaryAgent } from './agents/change-summary.agent';
import { competitiveIntelligenceAgent } from './agents/competitive-intelligence.agent';
import { contentAnalysisAgent } from './agents/content-analysis.agent';
import type { LlmAgent } from './agents/llm-agent';
import { LlmCallError } from './errors';
import { createLanguageModel } from './providers';
import type { Config } from '../../../config';
import { callStructured } from './structured-call';

const AGENTS: { [A in AgentName]: LlmAgent<A, never> } = {
  content_analysis: contentAnalysisAgent as LlmAgent<'content_analysis', never>,
  competitive_intelligence: competitiveIntelligenceAgent as LlmAgent<
    'competitive_intelligence',
    never
  >,
  battlecard_writer: battlecardWriterAgent as LlmAgent<'battlecard_writer', never>,
  change_summary: changeSummaryAgent as LlmAgent<'change_summary', never>,
};

export interface LlmEngineOptions {
  ai: Pick<Config['ai'], 'provider' | 'model' | 'baseUrl' | 'apiKey' | 'timeoutMs'>;
  log: Logger;
  /** Only for tests that bring their own AI SDK model. */
  model?: LanguageModel;
}

/**
 * The LLM engine: every agent as one structured-output call. Text is redacted before it leaves,
 * evidence goes as quoted data, and the answer is restored, sanitised, citation-checked and
 * validated against the agent's contract before it is returned. Failures throw LlmCallError
 * (the engine factory decides about falling back).
 */
export function createLlmEngine({ ai, log, model: given }: LlmEngineOptions): Engine {
  const { provider } = ai;
  if (provider === 'local') throw new Error('createLlmEngine needs an LLM provider, not local');
  const model = given ?? createLanguageModel({ ...ai, provider });
  // The AI SDK prints provider warnings with console.warn unless told where they go.
  globalThis.AI_SDK_LOG_WARNINGS ??= ({ warnings, provider: p, model: m }) =>
    log.debug({ warnings, provider: p, model: m }, 'AI SDK warnings');
  const modelId = ai.model ?? 'unknown';
  const versions = Object.fromEntries(
    Object.entries(AGENTS).map(([name, agent]) => [name, `llm-${agent.promptVersion}`]),
  ) as Record<AgentName, string>;

  async function run<A extends AgentName>(
    agent: A,
    input: AgentIo[A][0],
    signal?: AbortSignal,
  ): Promise<AgentResult<AgentIo[A][1]>> {
    const spec = AGENTS[agent] as unknown as LlmAgent<A, unknown>;
    const valid = AGENT_SCHEMAS[agent].input.parse(input) as AgentIo[A][0];
    const redactor = new Redactor();
    const { system, prompt } = spec.prepare(valid, redactor);
    const started = Date.now();
    const answer = await callStructured({
      model,
      name: agent,
      schema: spec.schema,
      shape: spec.shape,
      system,
      prompt,
      maxOutputTokens: spec.maxOutputTokens,
      timeoutMs: ai.timeoutMs,
      signal,
    });
    const { output, dropped } = spec.finish(answer.output, valid, redactor);
    const checked = AGENT_SCHEMAS[agent].output.safeParse(output);
    if (!checked.success) {
      // Cannot happen unless a finishing step is wrong; never store what fails the contract.
      throw new LlmCallError('invalid output', `the ${agent} output broke its contract`);
    }
    log.debug(
      {
        agent,
        model: modelId,
        ms: Date.now() - started,
        attempts: answer.attempts,
        dropped,
        redacted: redactor.counts,
        usage: answer.usage,
      },
      'llm agent call',
    );
    return {
      output: checked.data,
      engine: 'llm',
      model: modelId,
      usage: answer.usage,
      dropped,
    };
  }

  return { name: 'llm', model: modelId, versions, run };
}
