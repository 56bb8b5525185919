import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BattlecardVersionSchema,
  DiffQuerySchema,
  DiffSchema,
  PublishBodySchema,
  VersionListSchema,
} from '../../../common/battlecards';
import { IdParamsSchema, memberRoute } from '../../http/route-schemas';
import { contextOf } from '../auth/authenticate';
import { cardErrors, tags } from './battlecards.routes';
import type { VersionsService } from './versions.service';

export function versionRoutes(fastify: FastifyInstance, versions: VersionsService): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/battlecards/:id/publish',
    memberRoute({
      tags,
      summary: 'Publish the card as its next version: an immutable snapshot (editors)',
      params: IdParamsSchema,
      body: PublishBodySchema.nullish(),
      response: { 201: BattlecardVersionSchema, ...cardErrors },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await versions.publish(contextOf(request), request.params.id, request.body ?? {})),
  );

  app.get(
    '/api/v1/battlecards/:id/versions',
    memberRoute({
      tags,
      summary: 'Published versions of a card, newest first',
      params: IdParamsSchema,
      response: { 200: VersionListSchema, ...cardErrors },
    }),
    (request) => versions.list(contextOf(request), request.params.id),
  );

  app.get(
    '/api/v1/battlecards/:id/versions/:version',
    memberRoute({
      tags,
      summary: 'One published version, exactly as it was published',
      params: IdParamsSchema.extend({ version: z.coerce.number().int().min(1) }),
      response: { 200: BattlecardVersionSchema, ...cardErrors },
    }),
    (request) => versions.get(contextOf(request), request.params.id, request.params.version),
  );

  app.get(
    '/api/v1/battlecards/:id/diff',
    memberRoute({
      tags,
      summary:
        'Claims added, removed and changed between two versions (or `draft`: editors only, viewers get 403)',
      params: IdParamsSchema,
      querystring: DiffQuerySchema,
      response: { 200: DiffSchema, ...cardErrors },
    }),
    (request) => versions.diff(contextOf(request), request.params.id, request.query),
  );
}
