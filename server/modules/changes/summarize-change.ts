import { aiRun, type DiffPartRow } from '../../db/schema';
import type { Services } from '../../services';
import { AgentCallCache } from '../ai/agent-cache';
import { engineForRun } from '../ai/budget';
import type { ChangeSummaryInput, ChangeSummaryOutput } from '../ai/contracts';
import { ruleBasedChangeSummary } from './change-rules';

/** A change summary and the engine that wrote it ("local:ringside-local", "llm:gpt-4o-mini"). */
export interface RecordedSummary extends ChangeSummaryOutput {
  engine: string;
}

/** Engine name when the agent failed and the rules answered alone. */
export const RULES_ENGINE = 'local-rules';

const firstNumber = (s: string) => s.match(/\d[\d,.]*/)?.[0];

/** A price change an engine reported, kept only when its amounts are on the right side. */
const priceBacked =
  (before: string, after: string) => (p: ChangeSummaryOutput['priceChanges'][number]) => {
    const from = firstNumber(p.from);
    const to = firstNumber(p.to);
    return from !== undefined && to !== undefined && before.includes(from) && after.includes(to);
  };

/**
 * The agent's summary with the rules' explicit price pairing laid over it: prices found by the
 * rules (old → new, read straight off the word diff) win over the engine's, a change with prices
 * is pricing, and its summary names the new amounts even when the engine's sentence did not.
 */
export function mergeWithRules(
  agent: ChangeSummaryOutput,
  rules: ChangeSummaryOutput,
  texts: { before: string; after: string },
): ChangeSummaryOutput {
  const priceChanges =
    rules.priceChanges.length > 0
      ? rules.priceChanges
      : agent.priceChanges.filter(priceBacked(texts.before, texts.after));
  if (priceChanges.length === 0) return { ...agent, priceChanges };
  const missing = priceChanges.filter((p) => !agent.summary.includes(firstNumber(p.to) ?? p.to));
  const summary =
    missing.length === 0
      ? agent.summary
      : `${agent.summary.replace(/\s*$/, '')} Prices: ${missing
          .slice(0, 3)
          .map((p) => `${p.label ? `${p.label} ` : ''}${p.from} → ${p.to}`)
          .join('; ')}.`;
  return {
    summary: summary.slice(0, 600),
    class: 'pricing',
    importance: Math.max(agent.importance, rules.importance),
    priceChanges,
  };
}

/**
 * Runs `change_summary` through the workspace's engine (the configured LLM, with PII redaction,
 * circuit breaker and local fallback inside the engine; the local engine once the daily budget
 * is spent) and the agent-call cache. LLM tokens are recorded as a run so they count against
 * the budget. If the agent fails altogether, the rule-based summary stands in.
 */
export async function summarizeChange(
  services: Services,
  workspaceId: string,
  input: ChangeSummaryInput & { parts: DiffPartRow[] },
): Promise<RecordedSummary> {
  const { parts, ...agentInput } = input;
  const rules = ruleBasedChangeSummary(parts, input.title);
  const db = services.database.db;
  try {
    const { engine, tally } = await engineForRun(services, workspaceId);
    const started = performance.now();
    const output = await new AgentCallCache(services.cache, db).run(
      engine,
      'change_summary',
      agentInput,
      tally,
    );
    if (tally.tokensIn + tally.tokensOut > 0) {
      await db.insert(aiRun).values({
        workspaceId,
        kind: 'summarize',
        engine: tally.engine,
        model: tally.model,
        fallbackReason: tally.fallbackReason,
        status: 'completed',
        durationMs: Math.round(performance.now() - started),
        tokensIn: tally.tokensIn,
        tokensOut: tally.tokensOut,
        cacheHits: tally.hits,
        cacheMisses: tally.misses,
        finishedAt: new Date(),
      });
    }
    return {
      ...mergeWithRules(output, rules, agentInput),
      engine: `${tally.engine}:${tally.model}`,
    };
  } catch (err) {
    services.log.warn({ err, workspaceId }, 'change_summary failed; the rules summarise instead');
    return { ...rules, engine: RULES_ENGINE };
  }
}
