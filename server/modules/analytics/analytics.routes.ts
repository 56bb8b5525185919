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
import type { UsageRecorder } from './usage-recorder';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['analytics'];

export function analyticsRoutes(fastify: FastifyInstance, usage: UsageRecorder): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/analytics/overview',
    memberRoute({
      tags,
      summary: 'Headline figures for a period (default: the last 30 days)',
      querystring: PeriodQuerySchema,
      response: { 200: OverviewSchema, ...errors },
    }),
    (request) => overview(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/analytics/trends',
    memberRoute({
      tags,
      summary: 'Cards created and viewed over time, updates per competitor, objections, win rates',
      description: 'Each series is explained in words in `rules`.',
      querystring: TrendsQuerySchema,
      response: { 200: TrendsSchema, ...errors },
    }),
    (request) => trends(contextOf(request), request.query),
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
