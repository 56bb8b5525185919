import type { Config } from '../../config';
import type { Logger } from '../../lib/logger';
import type { Engine } from './contracts';

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
interface SelfReporting {
  status(): Partial<EngineStatus>;
}
const reportsStatus = (engine: Engine): engine is Engine & SelfReporting =>
  typeof (engine as Partial<SelfReporting>).status === 'function';

type LocalFactory = () => Engine;
type AiFactory = (config: Config, log: Logger, local: Engine) => Engine | Promise<Engine>;

/**
 * Loads the local engine (server/modules/ai/local) and, when an LLM provider is configured,
 * the engine factory (server/modules/ai/engine.ts). Loaded by path at start-up, so this area
 * builds and tests whichever engine modules are present.
 */
export async function loadAiEngines(config: Config, log: Logger): Promise<AiEngines> {
  const localPath = './local/index';
  const { createLocalEngine } = (await import(localPath)) as { createLocalEngine: LocalFactory };
  const local = createLocalEngine();
  let engine = local;
  if (config.ai.provider !== 'local') {
    const factoryPath = './engine';
    const { createAiEngine } = (await import(factoryPath)) as { createAiEngine: AiFactory };
    engine = await createAiEngine(config, log, local);
  }
  return aiEngines(config, engine, local);
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
      const own = reportsStatus(engine) ? engine.status() : {};
      return {
        provider: config.ai.provider,
        breaker: engine.name === 'llm' ? 'closed' : null,
        active,
        maxConcurrent: config.ai.maxConcurrent,
        ...own,
      };
    },
  };
}
