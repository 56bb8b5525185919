import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../common/api-error';
import {
  CheckStartedSchema,
  CreateSourceBodySchema,
  PreviewSourceBodySchema,
  SourceListSchema,
  SourcePreviewSchema,
  SourceSchema,
  UpdateSourceBodySchema,
} from '../../../common/monitoring';
import { IdParamsSchema, errorResponses, memberRoute } from '../../http/route-schemas';
import type { Services } from '../../services';
import { contextOf } from '../auth/authenticate';
import {
  createSource,
  deleteSource,
  listSources,
  previewSource,
  requestCheck,
  updateSource,
} from './sources.service';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['monitoring'];

export function sourcesRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/competitors/:id/sources',
    memberRoute({
      tags,
      summary: "A competitor's watched pages and feeds, with their status",
      params: IdParamsSchema,
      response: { 200: SourceListSchema, ...errors },
    }),
    (request) => listSources(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/competitors/:id/sources',
    memberRoute({
      tags,
      summary: 'Watch a web page or feed (editors); the first check records a baseline',
      params: IdParamsSchema,
      body: CreateSourceBodySchema,
      response: { 201: SourceSchema, ...errors, 409: ApiErrorSchema },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await createSource(contextOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/competitors/:id/sources/preview',
    memberRoute({
      tags,
      summary: 'Test fetch (editors): the text a source would compare, nothing stored',
      params: IdParamsSchema,
      body: PreviewSourceBodySchema,
      response: { 200: SourcePreviewSchema, ...errors, 422: ApiErrorSchema },
    }),
    (request) => previewSource(services, contextOf(request), request.params.id, request.body),
  );

  app.patch(
    '/api/v1/sources/:id',
    memberRoute({
      tags,
      summary: 'Change a source (editors): address, selector, ignore rules, interval, on/off',
      params: IdParamsSchema,
      body: UpdateSourceBodySchema,
      response: { 200: SourceSchema, ...errors, 409: ApiErrorSchema },
    }),
    (request) => updateSource(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/sources/:id',
    memberRoute({
      tags,
      summary: 'Stop watching (editors); its snapshots and changes stay',
      params: IdParamsSchema,
      response: { 204: z.null(), ...errors },
    }),
    async (request, reply) => {
      await deleteSource(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/sources/:id/check',
    memberRoute({
      tags,
      summary: 'Check now (editors): 202 with the job to follow',
      params: IdParamsSchema,
      response: { 202: CheckStartedSchema, ...errors },
    }),
    async (request, reply) =>
      reply.status(202).send(await requestCheck(services, contextOf(request), request.params.id)),
  );
}
