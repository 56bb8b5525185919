import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateDealBodySchema,
  DealPageSchema,
  DealSchema,
  ListDealsQuerySchema,
  WinRateListSchema,
  WinRatesQuerySchema,
} from '../../../common/deals';
import { IdParamsSchema, errorResponses, memberRoute } from '../../http/route-schemas';
import { contextOf } from '../auth/authenticate';
import { createDeal, deleteDeal, getDeal, listDeals, listWinRates } from './deals.service';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['deals'];

export function dealRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // A static segment: find-my-way matches it before the `/deals/:id` parameter.
  app.get(
    '/api/v1/deals/win-rates',
    memberRoute({
      tags,
      summary: 'Win rate per competitor: won / (won + lost), most decided deals first',
      querystring: WinRatesQuerySchema,
      response: { 200: WinRateListSchema, ...errors },
    }),
    (request) => listWinRates(contextOf(request), request.query),
  );

  app.post(
    '/api/v1/deals',
    memberRoute({
      tags,
      summary: 'Record a won, lost or undecided deal against a competitor (editors)',
      body: CreateDealBodySchema,
      response: { 201: DealSchema, ...errors },
    }),
    async (request, reply) =>
      reply.status(201).send(await createDeal(contextOf(request), request.body)),
  );

  app.get(
    '/api/v1/deals',
    memberRoute({
      tags,
      summary: 'Deals, newest close first',
      querystring: ListDealsQuerySchema,
      response: { 200: DealPageSchema, ...errors },
    }),
    (request) => listDeals(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/deals/:id',
    memberRoute({
      tags,
      summary: 'One deal',
      params: IdParamsSchema,
      response: { 200: DealSchema, ...errors },
    }),
    (request) => getDeal(contextOf(request), request.params.id),
  );

  app.delete(
    '/api/v1/deals/:id',
    memberRoute({
      tags,
      summary: 'Delete a deal record (editors)',
      params: IdParamsSchema,
      response: { 204: z.null(), ...errors },
    }),
    async (request, reply) => {
      await deleteDeal(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
