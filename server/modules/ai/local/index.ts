import { AGENT_SCHEMAS, type AgentName, type Engine } from '../contracts';
import { BATTLECARD_WRITER_VERSION, writeBattlecard } from './battlecard-writer';
import { buildProfile, COMPETITIVE_INTELLIGENCE_VERSION } from './competitive-intelligence';
import { analyzeContent, CONTENT_ANALYSIS_VERSION } from './content-analysis';

export const LOCAL_MODEL = 'ringside-local';

/**
 * The built-in engine: deterministic NLP, no network. Each agent is a plain function of its
 * input; the output is checked against the agent's contract like any engine's.
 */
export function createLocalEngine(): Engine {
  const agents = {
    content_analysis: analyzeContent,
    competitive_intelligence: buildProfile,
    battlecard_writer: writeBattlecard,
    change_summary: () => {
      throw new Error('change_summary is not in the local engine yet');
    },
  } satisfies Record<AgentName, (input: never) => unknown>;
  return {
    name: 'local',
    model: LOCAL_MODEL,
    versions: {
      content_analysis: CONTENT_ANALYSIS_VERSION,
      competitive_intelligence: COMPETITIVE_INTELLIGENCE_VERSION,
      battlecard_writer: BATTLECARD_WRITER_VERSION,
      change_summary: 'local-cs-0',
    },
    run(agent, input, signal) {
      signal?.throwIfAborted();
      const schemas = AGENT_SCHEMAS[agent];
      const run = agents[agent] as (input: unknown) => unknown;
      const output = schemas.output.parse(run(schemas.input.parse(input)));
      return Promise.resolve({ output, engine: 'local', model: LOCAL_MODEL, dropped: 0 } as never);
    },
  };
}
