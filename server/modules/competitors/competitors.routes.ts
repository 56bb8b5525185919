import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CompetitorPageSchema,
  CompetitorSchema,
  CreateCompetitorBodySchema,
  ListCompetitorsQuerySchema,
  UpdateCompetitorBodySchema,
} from '../../../common/competitors';
import { IdParamsSchema, errorResponses, memberRoute } from '../../http/route-schemas';
import type { Services } from '../../services';
import { SellerPages } from '../../lib/seller-pages';
import { contextOf } from '../auth/authenticate';
import { readContentVersion } from '../search/content-version';
import {
  createCompetitor,
  deleteCompetitor,
  getCompetitor,
  listCompetitors,
  updateCompetitor,
} from './competitors.service';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['competitors'];

export function competitorRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const sellerPages = new SellerPages(readContentVersion);

  app.get(
    '/api/v1/competitors',
    memberRoute({
      tags,
      summary: 'Competitors, with counts, newest evidence and win rate',
      querystring: ListCompetitorsQuerySchema,
      response: { 200: CompetitorPageSchema, ...errors },
    }),
    async (request, reply) => {
      const ctx = contextOf(request);
      const load = () => listCompetitors(ctx, request.query);
      const json = await sellerPages.json(ctx, 'competitors', request.query, async () =>
        CompetitorPageSchema.parse(await load()),
      );
      if (json === undefined) return load();
      // Checked against the schema when cached: sent as is.
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );

  app.post(
    '/api/v1/competitors',
    memberRoute({
      tags,
      summary: 'Add a competitor (editors); names are unique in a workspace',
      body: CreateCompetitorBodySchema,
      response: { 201: CompetitorSchema, ...errors },
    }),
    async (request, reply) =>
      reply.status(201).send(await createCompetitor(contextOf(request), request.body)),
  );

  app.get(
    '/api/v1/competitors/:id',
    memberRoute({
      tags,
      summary: 'One competitor',
      params: IdParamsSchema,
      response: { 200: CompetitorSchema, ...errors },
    }),
    (request) => getCompetitor(contextOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/competitors/:id',
    memberRoute({
      tags,
      summary: 'Change a competitor (editors)',
      params: IdParamsSchema,
      body: UpdateCompetitorBodySchema,
      response: { 200: CompetitorSchema, ...errors },
    }),
    (request) => updateCompetitor(services, contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/competitors/:id',
    memberRoute({
      tags,
      summary: 'Delete a competitor with its evidence, battlecards and deals (admins)',
      params: IdParamsSchema,
      response: { 204: z.null(), ...errors },
    }),
    async (request, reply) => {
      await deleteCompetitor(services, contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
