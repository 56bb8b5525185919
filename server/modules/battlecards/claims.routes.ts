import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ClaimSchema,
  CreateClaimBodySchema,
  MarkStaleBodySchema,
  ReorderSectionBodySchema,
  SectionKeySchema,
  SectionSchema,
  UpdateClaimBodySchema,
} from '../../../common/battlecards';
import { IdParamsSchema, memberRoute } from '../../http/route-schemas';
import { contextOf } from '../auth/authenticate';
import { cardErrors, tags } from './battlecards.routes';
import type { ClaimsService } from './claims.service';

const ClaimParamsSchema = IdParamsSchema.extend({ claimId: z.uuid() });

export function claimRoutes(fastify: FastifyInstance, claims: ClaimsService): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/battlecards/:id/claims',
    memberRoute({
      tags,
      summary: 'Add a claim to a section; each citation quote must appear in its evidence',
      params: IdParamsSchema,
      body: CreateClaimBodySchema,
      response: { 201: ClaimSchema, ...cardErrors },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await claims.create(contextOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/v1/battlecards/:id/claims/:claimId',
    memberRoute({
      tags,
      summary: 'Edit a claim, move it to another section or position',
      params: ClaimParamsSchema,
      body: UpdateClaimBodySchema,
      response: { 200: ClaimSchema, ...cardErrors },
    }),
    (request) =>
      claims.update(contextOf(request), request.params.id, request.params.claimId, request.body),
  );

  app.delete(
    '/api/v1/battlecards/:id/claims/:claimId',
    memberRoute({
      tags,
      summary: 'Delete a claim',
      params: ClaimParamsSchema,
      response: { 204: z.null(), ...cardErrors },
    }),
    async (request, reply) => {
      await claims.delete(contextOf(request), request.params.id, request.params.claimId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/battlecards/:id/sections/:section/order',
    memberRoute({
      tags,
      summary: 'Reorder a section: list each of its claim ids exactly once, in the new order',
      params: IdParamsSchema.extend({ section: SectionKeySchema }),
      body: ReorderSectionBodySchema,
      response: { 200: SectionSchema, ...cardErrors },
    }),
    (request) =>
      claims.reorder(contextOf(request), request.params.id, request.params.section, request.body),
  );

  app.post(
    '/api/v1/battlecards/:id/claims/:claimId/verify',
    memberRoute({
      tags,
      summary: 'Vouch for a claim: clears its stale mark, records who verified it and when',
      params: ClaimParamsSchema,
      response: { 200: ClaimSchema, ...cardErrors },
    }),
    (request) => claims.verify(contextOf(request), request.params.id, request.params.claimId),
  );

  app.post(
    '/api/v1/battlecards/:id/claims/:claimId/stale',
    memberRoute({
      tags,
      summary: 'Mark a claim stale (out of date), with an optional reason',
      params: ClaimParamsSchema,
      body: MarkStaleBodySchema.nullish(),
      response: { 200: ClaimSchema, ...cardErrors },
    }),
    (request) =>
      claims.markStale(
        contextOf(request),
        request.params.id,
        request.params.claimId,
        request.body ?? {},
      ),
  );
}
