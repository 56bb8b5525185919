import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CompetitorEvidenceQuerySchema,
  CreateEvidenceBodySchema,
  EvidencePageSchema,
  EvidenceSchema,
  ListEvidenceQuerySchema,
} from '../../../common/competitors';
import { IdParamsSchema, errorResponses, memberRoute } from '../../http/route-schemas';
import type { Services } from '../../services';
import { contextOf } from '../auth/authenticate';
import {
  createEvidence,
  deleteEvidence,
  getEvidence,
  listCompetitorEvidence,
  listEvidence,
} from './evidence.service';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['evidence'];

export function evidenceRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/competitors/:id/evidence',
    memberRoute({
      tags,
      summary: 'Add evidence to a competitor (editors): a note, web page, win/loss or call',
      params: IdParamsSchema,
      body: CreateEvidenceBodySchema,
      response: { 201: EvidenceSchema, ...errors },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await createEvidence(contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/competitors/:id/evidence',
    memberRoute({
      tags,
      summary: "A competitor's evidence, newest first",
      params: IdParamsSchema,
      querystring: CompetitorEvidenceQuerySchema,
      response: { 200: EvidencePageSchema, ...errors },
    }),
    (request) => listCompetitorEvidence(contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/evidence',
    memberRoute({
      tags,
      summary: 'All evidence of the workspace, newest first, with filters and full-text q',
      querystring: ListEvidenceQuerySchema,
      response: { 200: EvidencePageSchema, ...errors },
    }),
    (request) => listEvidence(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/evidence/:id',
    memberRoute({
      tags,
      summary: 'One piece of evidence with its full content',
      params: IdParamsSchema,
      response: { 200: EvidenceSchema, ...errors },
    }),
    (request) => getEvidence(contextOf(request), request.params.id),
  );

  app.delete(
    '/api/v1/evidence/:id',
    memberRoute({
      tags,
      summary: 'Delete evidence (editors); claims citing it lose the citation and turn stale',
      params: IdParamsSchema,
      response: { 204: z.null(), ...errors },
    }),
    async (request, reply) => {
      await deleteEvidence(services, contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
