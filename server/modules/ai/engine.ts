import CircuitBreaker from 'opossum';
import type { Config } from '../../config';
import type { Logger } from '../../lib/logger';
import type { AgentIo, AgentName, AgentResult, Engine } from './contracts';
import { LlmCallError, createLlmEngine } from './llm';
import { ConcurrencyLimiter } from './llm/concurrency-limiter';

/**
 * The engine the orchestrator uses. With AI_PROVIDER=local it is the local engine behind a
 * concurrency limit. With an LLM provider, each call goes through the same limit, a timeout
 * and a circuit breaker; when the breaker is open, the call times out, the answer stays
 * invalid after one retry, or the provider fails, the local engine answers instead and the
 * result says why (`fallbackReason`).
 */

export type BreakerState = 'closed' | 'open' | 'half-open' | 'none';

export interface AiEngineStats {
  engine: 'local' | 'llm';
  provider: Config['ai']['provider'];
  model: string;
  breaker: BreakerState;
  active: number;
  queued: number;
  maxConcurrent: number;
  /** Agent calls since start. */
  calls: number;
  /** LLM calls that failed (the breaker counts these). */
  failures: number;
  /** Calls the local engine answered instead of the LLM. */
  fallbacks: number;
}

export interface AiEngine extends Engine {
  stats(): AiEngineStats;
  /** Stops the breaker's timers. */
  shutdown(): void;
}

export interface BreakerOptions {
  /** Calls in the rolling window before the breaker may open. */
  volumeThreshold: number;
  errorThresholdPercentage: number;
  /** How long the breaker stays open before it lets one trial call through. */
  resetTimeout: number;
  rollingCountTimeout: number;
}

const DEFAULT_BREAKER: BreakerOptions = {
  volumeThreshold: 5,
  errorThresholdPercentage: 50,
  resetTimeout: 30_000,
  rollingCountTimeout: 60_000,
};

export interface AiEngineOptions {
  config: Pick<Config, 'ai'>;
  log: Logger;
  /** The local engine: the answer with AI_PROVIDER=local, and the fallback otherwise. */
  local: Engine;
  /** Overrides for tests and tuning. */
  breaker?: Partial<BreakerOptions>;
  /** An LLM engine to use instead of the one built from the configuration (tests). */
  llm?: Engine;
}

function fallbackReasonOf(error: unknown): string {
  if ((error as { code?: unknown }).code === 'EOPENBREAKER') return 'circuit open';
  if (error instanceof LlmCallError) return error.label;
  return 'provider error';
}

export function createAiEngine({ config, log, local, ...options }: AiEngineOptions): AiEngine {
  const { ai } = config;
  const limiter = new ConcurrencyLimiter(ai.maxConcurrent);
  const counters = { calls: 0, failures: 0, fallbacks: 0 };
  const stats = (breaker: BreakerState, engine: Engine): AiEngineStats => ({
    engine: engine.name,
    provider: ai.provider,
    model: engine.model,
    breaker,
    active: limiter.active,
    queued: limiter.queued,
    maxConcurrent: limiter.max,
    ...counters,
  });

  if (ai.provider === 'local') {
    return {
      name: local.name,
      model: local.model,
      versions: local.versions,
      run: (agent, input, signal) => {
        counters.calls++;
        return limiter.run(() => local.run(agent, input, signal), signal);
      },
      stats: () => stats('none', local),
      shutdown: () => undefined,
    };
  }

  const llm = options.llm ?? createLlmEngine({ ai, log });
  const breaker = new CircuitBreaker(
    (agent: AgentName, input: unknown, signal?: AbortSignal) =>
      llm.run(agent, input as never, signal),
    {
      ...DEFAULT_BREAKER,
      ...options.breaker,
      // Timeouts are ours (they abort the request); opossum's would leave it running.
      timeout: false,
      // A caller that gives up says nothing about the provider's health.
      errorFilter: (error: unknown) => error instanceof LlmCallError && error.reason === 'aborted',
    },
  );
  breaker.on('open', () => log.warn({ provider: ai.provider }, 'AI circuit breaker opened'));
  breaker.on('halfOpen', () => log.info({ provider: ai.provider }, 'AI circuit breaker half-open'));
  breaker.on('close', () => log.info({ provider: ai.provider }, 'AI circuit breaker closed'));

  async function run<A extends AgentName>(
    agent: A,
    input: AgentIo[A][0],
    signal?: AbortSignal,
  ): Promise<AgentResult<AgentIo[A][1]>> {
    counters.calls++;
    try {
      return await limiter.run(
        () => breaker.fire(agent, input, signal) as Promise<AgentResult<AgentIo[A][1]>>,
        signal,
      );
    } catch (error) {
      if (signal?.aborted) throw error;
      const reason = fallbackReasonOf(error);
      if (reason !== 'circuit open') counters.failures++;
      counters.fallbacks++;
      log.warn(
        { agent, provider: ai.provider, model: llm.model, reason, err: error },
        'LLM call failed; the local engine answers',
      );
      const result = await limiter.run(() => local.run(agent, input, signal), signal);
      return { ...result, fallbackReason: reason };
    }
  }

  const breakerState = (): BreakerState =>
    breaker.opened ? 'open' : breaker.halfOpen ? 'half-open' : 'closed';

  return {
    name: llm.name,
    model: llm.model,
    versions: llm.versions,
    run,
    stats: () => stats(breakerState(), llm),
    shutdown: () => breaker.shutdown(),
  };
}
