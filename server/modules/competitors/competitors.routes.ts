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
import { contextOf } from '../auth/authenticate';
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

  app.get(
    '/api/v1/competitors',
    memberRoute({
      tags,
      summary: 'Competitors, with counts, newest evidence and win rate',
      querystring: ListCompetitorsQuerySchema,
      response: { 200: CompetitorPageSchema, ...errors },
    }),
    (request) => listCompetitors(contextOf(request), request.query),
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
