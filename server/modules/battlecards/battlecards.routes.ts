import type { FastifyInstance } from 'fastify';
import { USAGE_EVENTS } from '../../../common/usage-events';
import type { UsageRecorder } from '../analytics/usage-recorder';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BattlecardPageSchema,
  BattlecardSchema,
  CardViewQuerySchema,
  CreateBattlecardBodySchema,
  ListBattlecardsQuerySchema,
  UpdateBattlecardBodySchema,
} from '../../../common/battlecards';
import { IdParamsSchema, errorResponses, memberRoute } from '../../http/route-schemas';
import { SellerPages } from '../../lib/seller-pages';
import { contextOf } from '../auth/authenticate';
import { readContentVersion } from '../search/content-version';
import type { BattlecardsService } from './battlecards.service';

/** What the card, claim and version routes answer besides success. */
export const cardErrors = errorResponses(400, 401, 403, 404, 409);
export const tags = ['battlecards'];

export function battlecardRoutes(
  fastify: FastifyInstance,
  cards: BattlecardsService,
  usage: UsageRecorder,
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const sellerPages = new SellerPages(readContentVersion);

  app.get(
    '/api/v1/battlecards',
    memberRoute({
      tags,
      summary: 'Battlecards you can see, most recently changed first',
      description: [
        'Each card as you would read it on opening it. Editors and up: its working copy.',
        'Viewers: a published card as its latest version (title, segment, claim count,',
        '`hasUnpublishedChanges: false`, freshness from its claims with their current stale',
        'marks); a card never published as its draft. `q` matches the title you see.',
      ].join(' '),
      querystring: ListBattlecardsQuerySchema,
      response: { 200: BattlecardPageSchema, ...cardErrors },
    }),
    async (request, reply) => {
      const ctx = contextOf(request);
      const load = () => cards.list(ctx, request.query);
      const json = await sellerPages.json(ctx, 'battlecards', request.query, async () =>
        BattlecardPageSchema.parse(await load()),
      );
      if (json === undefined) return load();
      // Checked against the schema when cached: sent as is.
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );

  app.post(
    '/api/v1/battlecards',
    memberRoute({
      tags,
      summary: 'Start a draft battlecard for a competitor (editors)',
      body: CreateBattlecardBodySchema,
      response: { 201: BattlecardSchema, ...cardErrors },
    }),
    async (request, reply) =>
      reply.status(201).send(await cards.create(contextOf(request), request.body)),
  );

  app.get(
    '/api/v1/battlecards/:id',
    memberRoute({
      tags,
      summary:
        'A battlecard and what you may do with it: viewers read the published version, editors the working copy (`?view=published` of a never-published card: its draft)',
      description: [
        'Viewers (and viewer API keys) get the published card: the title, segment and sections',
        'of its latest published version under the current header (competitor, status, version,',
        'publishedAt), `hasUnpublishedChanges: false`. Each claim still on the card carries its',
        'current stale mark and reason, and its current verification while its text and response',
        'are still the published ones (a stale claim warns sellers at once, not at the next',
        'publish); freshness is computed from those claims. The versions endpoints serve each',
        'version exactly as published. A card never published (version 0) is shown to them as',
        'the draft it is (status `draft`).',
        'Editors and up get the working copy. `?view=published` shows anyone exactly what',
        'sellers see — for a never-published card that is its draft, not a 404 — and',
        '`?view=draft` asks for the working copy (editors and up; viewers get 403 `forbidden`).',
      ].join(' '),
      params: IdParamsSchema,
      querystring: CardViewQuerySchema,
      response: { 200: BattlecardSchema, ...cardErrors },
    }),
    async (request, reply) => {
      const { params, query } = request;
      const ctx = contextOf(request);
      const json = await cards.getJson(ctx, params.id, query.view);
      usage.record({
        workspaceId: ctx.workspaceId,
        actorId: ctx.actor.userId,
        type: USAGE_EVENTS.cardViewed,
        entity: 'battlecard',
        entityId: params.id,
      });
      // Already JSON (from the card cache): Fastify sends a string as is, skipping serialization.
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );

  app.patch(
    '/api/v1/battlecards/:id',
    memberRoute({
      tags,
      summary: 'Rename, re-segment, change visibility, archive or unarchive (editors)',
      params: IdParamsSchema,
      body: UpdateBattlecardBodySchema,
      response: { 200: BattlecardSchema, ...cardErrors },
    }),
    (request) => cards.update(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/battlecards/:id',
    memberRoute({
      tags,
      summary: "Delete a battlecard and its versions (the card's owner or an admin)",
      params: IdParamsSchema,
      response: { 204: z.null(), ...cardErrors },
    }),
    async (request, reply) => {
      await cards.delete(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
