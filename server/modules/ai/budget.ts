import type { Services } from '../../services';
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
