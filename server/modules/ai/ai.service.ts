import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AiStatus,
  AnalyzeBodySchema,
  AnalyzeResult,
  CompetitorProfileView,
} from '../../../common/ai';
import { competitorProfile, evidence } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { authorize } from '../auth/auth.policy';
import type { Services } from '../../services';
import { AgentCallCache } from './agent-cache';
import { engineForRun } from './budget';
import { type CompetitorProfile, CompetitorProfileSchema } from './contracts';
import { loadCompetitorRef, loadEvidence } from './generation/generation-input';
import { buildProfile, evidenceFingerprint, saveProfile } from './profile-builder';
import { finishRun, runStats, startRun, tokensUsedToday } from './runs';

type AnalyzeInput = z.infer<typeof AnalyzeBodySchema>;

const HOUR_MS = 60 * 60 * 1000;

/** The competitor profile, synchronous analysis and the engine's status. */
export class AiService {
  constructor(private readonly services: Services) {}

  /**
   * The competitor's profile, rebuilt when its evidence changed since the last one (each
   * evidence's analysis comes from the agent-call cache unless that evidence is new).
   */
  async profile(ctx: RequestContext, competitorId: string): Promise<CompetitorProfileView> {
    const rival = await loadCompetitorRef(ctx.db, ctx.workspaceId, competitorId);
    if (!rival) throw notFound('Competitor');
    const docs = await loadEvidence(ctx.db, ctx.workspaceId, competitorId);
    const fingerprint = evidenceFingerprint(docs);
    const [stored] = await ctx.db
      .select()
      .from(competitorProfile)
      .where(
        and(
          eq(competitorProfile.competitorId, competitorId),
          eq(competitorProfile.workspaceId, ctx.workspaceId),
        ),
      );
    let profile: CompetitorProfile;
    let meta: { updatedAt: Date; engine: string; model: string };
    const parsed = stored && CompetitorProfileSchema.safeParse(stored.profile);
    if (stored && parsed?.success && stored.evidenceFingerprint === fingerprint) {
      profile = parsed.data;
      meta = stored;
    } else {
      const { engine, tally, fallbackReason } = await engineForRun(this.services, ctx.workspaceId);
      const started = performance.now();
      const runId = await startRun(ctx.db, {
        workspaceId: ctx.workspaceId,
        kind: 'analyze',
        engine: engine.name,
        model: engine.model,
        fallbackReason,
      });
      try {
        const agents = new AgentCallCache(this.services.cache, ctx.db);
        profile =
          docs.length === 0
            ? { overview: '', facts: [] }
            : await buildProfile({ agents, engine, tally }, rival, docs);
        const updatedAt = await saveProfile(
          ctx.db,
          ctx.workspaceId,
          competitorId,
          profile,
          fingerprint,
          tally,
        );
        meta = { updatedAt, engine: tally.engine, model: tally.model };
        await finishRun(ctx.db, runId, tally, {
          status: 'completed',
          durationMs: performance.now() - started,
        });
      } catch (err) {
        await finishRun(ctx.db, runId, tally, {
          status: 'failed',
          durationMs: performance.now() - started,
          error: err instanceof Error ? err.message : String(err),
        });
        throw err;
      }
    }
    return this.presentProfile(ctx, competitorId, profile, meta, docs.length);
  }

  private async presentProfile(
    ctx: RequestContext,
    competitorId: string,
    profile: CompetitorProfile,
    meta: { updatedAt: Date; engine: string; model: string },
    evidenceCount: number,
  ): Promise<CompetitorProfileView> {
    const ids = [...new Set(profile.facts.flatMap((f) => f.citations.map((c) => c.evidenceId)))];
    const titles = new Map<string, string>();
    if (ids.length > 0) {
      const rows = await ctx.db
        .select({ id: evidence.id, title: evidence.title })
        .from(evidence)
        .where(and(eq(evidence.workspaceId, ctx.workspaceId), inArray(evidence.id, ids)));
      for (const row of rows) titles.set(row.id, row.title);
    }
    const keyCounts = new Map<string, number>();
    for (const fact of profile.facts) {
      if (fact.conflictKey)
        keyCounts.set(fact.conflictKey, (keyCounts.get(fact.conflictKey) ?? 0) + 1);
    }
    return {
      competitorId,
      overview: profile.overview,
      updatedAt: meta.updatedAt.toISOString(),
      engine: meta.engine,
      model: meta.model,
      evidenceCount,
      facts: profile.facts.map((fact) => ({
        category: fact.category,
        value: fact.value,
        confidence: fact.confidence,
        conflictKey: fact.conflictKey,
        conflicting: fact.conflictKey !== null && (keyCounts.get(fact.conflictKey) ?? 0) > 1,
        latestAt: fact.latestAt,
        citations: fact.citations
          .filter((c) => titles.has(c.evidenceId))
          .map((c) => ({ ...c, title: titles.get(c.evidenceId) ?? null })),
      })),
    };
  }

  /** content_analysis of a pasted text, answered synchronously (and cached like any call). */
  async analyze(ctx: RequestContext, input: AnalyzeInput): Promise<AnalyzeResult> {
    // Analysis spends the workspace's AI budget: editors and up, like generation.
    authorize(ctx, 'content.edit');
    const { engine, tally, fallbackReason } = await engineForRun(this.services, ctx.workspaceId);
    const started = performance.now();
    const runId = await startRun(ctx.db, {
      workspaceId: ctx.workspaceId,
      kind: 'analyze',
      engine: engine.name,
      model: engine.model,
      fallbackReason,
    });
    try {
      const agents = new AgentCallCache(this.services.cache, ctx.db);
      const { facts } = await agents.run(
        engine,
        'content_analysis',
        { text: input.content, ...(input.title ? { title: input.title } : {}) },
        tally,
      );
      await finishRun(ctx.db, runId, tally, {
        status: 'completed',
        durationMs: performance.now() - started,
      });
      return {
        facts: facts.filter((f) => input.content.includes(f.quote)),
        engine: tally.engine,
        model: tally.model,
        fallbackReason: tally.fallbackReason,
        cached: tally.hits > 0,
      };
    } catch (err) {
      await finishRun(ctx.db, runId, tally, {
        status: 'failed',
        durationMs: performance.now() - started,
        error: err instanceof Error ? err.message : String(err),
      });
      throw err;
    }
  }

  async status(ctx: RequestContext): Promise<AiStatus> {
    const engines = await this.services.ai();
    const engineStatus = engines.status();
    const [hour, day, used] = await Promise.all([
      runStats(ctx.db, ctx.workspaceId, HOUR_MS),
      runStats(ctx.db, ctx.workspaceId, 24 * HOUR_MS),
      tokensUsedToday(ctx.db, ctx.workspaceId),
    ]);
    const calls = day.cacheHits + day.cacheMisses;
    const { ai } = this.services.config;
    return {
      engine: engines.engine.name,
      provider: engineStatus.provider,
      model: engines.engine.model,
      breaker: engineStatus.breaker,
      active: engineStatus.active,
      maxConcurrent: engineStatus.maxConcurrent,
      cacheHitRate: calls === 0 ? null : day.cacheHits / calls,
      lastHour: { runs: hour.runs, failures: hour.failures },
      requestsPerMinute: ai.requestsPerMinute,
      dailyTokenBudget: ai.dailyTokenBudget,
      tokensUsedToday: used,
    };
  }
}
