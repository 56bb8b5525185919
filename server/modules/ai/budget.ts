import type { Services } from '../../services';
import { type CallTally, newTally } from './agent-cache';
import type { AiEngines } from './ai-engines';
import type { Engine } from './contracts';
import { tokensUsedToday } from './runs';

/**
 * The engine a workspace's run uses: the configured one, or the local engine once the
 * workspace has spent its daily token budget (AI_DAILY_TOKEN_BUDGET) — generation goes on,
 * offline, and says why (`fallbackReason: 'budget'`).
 */
export async function chooseEngine(
  services: Services,
  engines: AiEngines,
  workspaceId: string,
): Promise<{ engine: Engine; fallbackReason: string | null }> {
  if (engines.engine.name === 'local') return { engine: engines.engine, fallbackReason: null };
  const used = await tokensUsedToday(services.database.db, workspaceId);
  if (used >= services.config.ai.dailyTokenBudget) {
    return { engine: engines.local, fallbackReason: 'budget' };
  }
  return { engine: engines.engine, fallbackReason: null };
}

/** The engine for a workspace's run and a tally already carrying its fallback reason. */
export async function engineForRun(
  services: Services,
  workspaceId: string,
): Promise<{ engine: Engine; tally: CallTally; fallbackReason: string | null }> {
  const { engine, fallbackReason } = await chooseEngine(services, await services.ai(), workspaceId);
  const tally = newTally(engine);
  tally.fallbackReason = fallbackReason;
  return { engine, tally, fallbackReason };
}
