import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CardImpactQuerySchema,
  CardImpactSchema,
  OverviewSchema,
  PeriodQuerySchema,
  TrendsQuerySchema,
  TrendsSchema,
  UsageEventBodySchema,
} from '../../../common/analytics';
import { battlecard, claim } from '../../db/schema';
import { errorResponses, memberRoute } from '../../http/route-schemas';
import { notFound } from '../../lib/errors';
import { contextOf } from '../auth/authenticate';
import { authorize } from '../auth/auth.policy';
import { overview, trends } from './analytics.service';
import { cardImpact } from './card-impact';
import type { Services } from '../../services';
import { cached } from '../../lib/cache/cache';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['analytics'];

/**
 * Headline figures and trends are computed at most every few seconds per workspace and query:
 * a team with its dashboards open (or a hundred sellers opening analytics) would otherwise run
 * the same heavy aggregates many times a second for the same answer.
 */
export const ANALYTICS_FRESH_MS = 5_000;
const FRESHNESS = `Figures are at most ${ANALYTICS_FRESH_MS / 1000} s old.`;

export function analyticsRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { usage, cache } = services;
  const fresh = <T>(workspaceId: string, kind: string, query: object, load: () => Promise<T>) =>
    cached(
      cache,
      `analytics:v1:${workspaceId}:${kind}:${JSON.stringify(query)}`,
      ANALYTICS_FRESH_MS,
      load,
    );

  app.get(
    '/api/v1/analytics/overview',
    memberRoute({
      tags,
      summary: 'Headline figures for a period (default: the last 30 days)',
      description: FRESHNESS,
      querystring: PeriodQuerySchema,
      response: { 200: OverviewSchema, ...errors },
    }),
    (request) => {
      const ctx = contextOf(request);
      authorize(ctx, 'content.read');
      return fresh(ctx.workspaceId, 'overview', request.query, () => overview(ctx, request.query));
    },
  );

  app.get(
    '/api/v1/analytics/trends',
    memberRoute({
      tags,
      summary: 'Cards created and viewed over time, updates per competitor, objections, win rates',
      description: `Each series is explained in words in \`rules\`. ${FRESHNESS}`,
      querystring: TrendsQuerySchema,
      response: { 200: TrendsSchema, ...errors },
    }),
    (request) => {
      const ctx = contextOf(request);
      authorize(ctx, 'content.read');
      return fresh(ctx.workspaceId, 'trends', request.query, () => trends(ctx, request.query));
    },
  );

  app.get(
    '/api/v1/analytics/card-impact',
    memberRoute({
      tags,
      summary: 'Win rate of deals whose competitor card was viewed before close, vs not',
      description: 'The attribution rule is stated in the response (`rule`).',
      querystring: CardImpactQuerySchema,
      response: { 200: CardImpactSchema, ...errors },
    }),
    (request) => cardImpact(contextOf(request), request.query),
  );

  app.post(
    '/api/v1/analytics/events',
    memberRoute({
      tags,
      summary: 'Report a usage event the server cannot see (a response copied to the clipboard)',
      body: UsageEventBodySchema,
      response: { 202: z.null(), ...errors },
    }),
    async (request, reply) => {
      const ctx = contextOf(request);
      authorize(ctx, 'content.read');
      const { battlecardId, claimId, type } = request.body;
      const [found] = await ctx.db
        .select({ id: battlecard.id })
        .from(battlecard)
        .where(and(eq(battlecard.id, battlecardId), eq(battlecard.workspaceId, ctx.workspaceId)));
      if (!found) throw notFound('Battlecard', 'battlecard_not_found');
      if (claimId) {
        const [c] = await ctx.db
          .select({ id: claim.id })
          .from(claim)
          .where(and(eq(claim.id, claimId), eq(claim.battlecardId, battlecardId)));
        if (!c) throw notFound('Claim', 'claim_not_found');
      }
      usage.record({
        workspaceId: ctx.workspaceId,
        actorId: ctx.actor.userId,
        type,
        entity: claimId ? 'claim' : 'battlecard',
        entityId: claimId ?? battlecardId,
        data: { battlecardId },
      });
      return reply.status(202).send(null);
    },
  );
}
