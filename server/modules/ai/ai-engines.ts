import type { Config } from '../../config';
import type { Logger } from '../../lib/logger';
import type { Engine } from './contracts';
import { type AiEngine, createAiEngine } from './engine';
import { createLocalEngine } from './local';

/** What GET /ai/status shows of the engine; an engine may report more about itself. */
export interface EngineStatus {
  provider: string;
  breaker: 'closed' | 'open' | 'half-open' | null;
  active: number;
  maxConcurrent: number;
}

/** The engines a process runs agents with. */
export interface AiEngines {
  /** The configured engine (an LLM provider with the local engine as fallback, or local). */
  engine: Engine;
  /** The built-in engine, for when the daily token budget is spent. */
  local: Engine;
  status(): EngineStatus;
}

/** An engine that can say how its breaker and concurrency stand (the LLM engine does). */
const reportsStats = (engine: Engine): engine is AiEngine =>
  typeof (engine as Partial<AiEngine>).stats === 'function';

/**
 * The local engine and, when an LLM provider is configured, the engine factory's LLM engine
 * (breaker, concurrency limit, local fallback) in front of it.
 */
export function loadAiEngines(config: Config, log: Logger): Promise<AiEngines> {
  const local = createLocalEngine();
  const engine =
    config.ai.provider === 'local'
      ? local
      : createAiEngine({ config, log: log.child({ area: 'ai' }), local });
  return Promise.resolve(aiEngines(config, engine, local));
}

/** Wraps a pair of engines with a status that counts calls in flight. */
export function aiEngines(config: Config, engine: Engine, local: Engine): AiEngines {
  let active = 0;
  const counted = (inner: Engine): Engine => ({
    name: inner.name,
    model: inner.model,
    versions: inner.versions,
    async run(agent, input, signal) {
      active++;
      try {
        return await inner.run(agent, input, signal);
      } finally {
        active--;
      }
    },
  });
  const countedLocal = counted(local);
  return {
    engine: engine === local ? countedLocal : counted(engine),
    local: countedLocal,
    status() {
      const own = reportsStats(engine) ? engine.stats() : undefined;
      return {
        provider: config.ai.provider,
        breaker: own && own.breaker !== 'none' ? own.breaker : null,
        active: own ? own.active : active,
        maxConcurrent: config.ai.maxConcurrent,
      };
    },
  };
}
