import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { aiCallCache } from '../../db/schema';
import type { Cache } from '../../lib/cache/cache';
import type { Db } from '../../lib/db/database';
import { aiAgentCalls, aiAgentDuration, secondsSince } from '../../lib/metrics/process-metrics';
import { canonicalJson } from './canonical-json';
import { AGENT_SCHEMAS, type AgentIo, type AgentName, type Engine } from './contracts';

/** How long an agent's output stays in the fast cache; the database copy has no expiry. */
const FAST_TTL_MS = 24 * 60 * 60 * 1000;

/** What one run of the pipeline did with the engine: the figures a run record keeps. */
export interface CallTally {
  hits: number;
  misses: number;
  tokensIn: number;
  tokensOut: number;
  /** Items the engine's own trust checks dropped. */
  dropped: number;
  /** The engine and model that actually answered last (an LLM engine may fall back). */
  engine: 'local' | 'llm';
  model: string;
  fallbackReason: string | null;
}

export const newTally = (engine: Engine): CallTally => ({
  hits: 0,
  misses: 0,
  tokensIn: 0,
  tokensOut: 0,
  dropped: 0,
  engine: engine.name,
  model: engine.model,
  fallbackReason: null,
});

/** sha256 of agent, agent version, engine, model and the input in canonical JSON. */
export function agentCallKey(
  agent: AgentName,
  version: string,
  engine: string,
  model: string,
  input: unknown,
): string {
  return createHash('sha256')
    .update(canonicalJson({ agent, version, engine, model, input }))
    .digest('hex');
}

const fastKey = (key: string) => `ai:call:${key}`;

/**
 * Runs agents through two caches: the cache adapter (memory or Redis) in front of the durable
 * `ai_call_cache` table. An answer is stored under the engine and model that produced it — an
 * LLM engine that fell back to the local one stores the local answer under the local key, so
 * the next LLM run asks the LLM again instead of reusing the fallback.
 */
export class AgentCallCache {
  constructor(
    private readonly cache: Cache,
    private readonly db: Db,
  ) {}

  async run<A extends AgentName>(
    engine: Engine,
    agent: A,
    input: AgentIo[A][0],
    tally: CallTally,
  ): Promise<AgentIo[A][1]> {
    const schema = AGENT_SCHEMAS[agent].output;
    const key = agentCallKey(agent, engine.versions[agent], engine.name, engine.model, input);
    const cached = await this.lookup(key);
    if (cached !== undefined) {
      const parsed = schema.safeParse(cached);
      if (parsed.success) {
        tally.hits++;
        aiAgentCalls.inc({ agent, engine: engine.name, status: 'cached' });
        return parsed.data;
      }
    }
    tally.misses++;
    const started = performance.now();
    let result;
    try {
      result = await engine.run(agent, input);
    } catch (err) {
      aiAgentCalls.inc({ agent, engine: engine.name, status: 'failed' });
      aiAgentDuration.observe({ agent, engine: engine.name }, secondsSince(started));
      throw err;
    }
    const status = result.fallbackReason ? 'fallback' : 'ok';
    aiAgentCalls.inc({ agent, engine: result.engine, status });
    aiAgentDuration.observe({ agent, engine: result.engine }, secondsSince(started));
    const output = schema.parse(result.output) as AgentIo[A][1];
    tally.dropped += result.dropped;
    tally.engine = result.engine;
    tally.model = result.model;
    if (result.fallbackReason) tally.fallbackReason = result.fallbackReason;
    if (result.usage) {
      tally.tokensIn += result.usage.inputTokens;
      tally.tokensOut += result.usage.outputTokens;
    }
    const storeKey =
      result.engine === engine.name && result.model === engine.model
        ? key
        : agentCallKey(agent, engine.versions[agent], result.engine, result.model, input);
    await this.store(storeKey, agent, result.engine, result.model, output);
    return output;
  }

  /** A memo of a whole stage (fast cache only: on a miss the stage's own calls are cached). */
  memoGet<T>(key: string): Promise<T | undefined> {
    return this.cache.get<T>(`ai:memo:${key}`);
  }

  memoSet(key: string, value: unknown): Promise<void> {
    return this.cache.set(`ai:memo:${key}`, value, FAST_TTL_MS);
  }

  private async lookup(key: string): Promise<unknown> {
    const fast = await this.cache.get<unknown>(fastKey(key));
    if (fast !== undefined) return fast;
    const [row] = await this.db
      .update(aiCallCache)
      .set({ usedAt: sql`now()` })
      .where(eq(aiCallCache.key, key))
      .returning({ output: aiCallCache.output });
    if (!row) return undefined;
    await this.cache.set(fastKey(key), row.output, FAST_TTL_MS);
    return row.output;
  }

  private async store(
    key: string,
    agent: AgentName,
    engine: string,
    model: string,
    output: unknown,
  ): Promise<void> {
    await this.db
      .insert(aiCallCache)
      .values({ key, agent, engine, model, output })
      .onConflictDoUpdate({ target: aiCallCache.key, set: { output, usedAt: sql`now()` } });
    await this.cache.set(fastKey(key), output, FAST_TTL_MS);
  }
}
