import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiErrorSchema } from '../../../common/api-error';
import { SearchQuerySchema, SearchResponseSchema } from '../../../common/search';
import { USAGE_EVENTS } from '../../../common/usage-events';
import type { UsageRecorder } from '../analytics/usage-recorder';
import { contextOf } from '../auth/authenticate';
import { SearchService } from './search.service';

export function searchRoutes(fastify: FastifyInstance, usage: UsageRecorder): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const searches = new SearchService();
  app.get(
    '/api/v1/search',
    {
      config: { access: 'member' },
      schema: {
        tags: ['search'],
        summary:
          'Search competitors, battlecards, claims and evidence; best match first, with highlighted snippets',
        description:
          'Words are matched in any order; the last word also matches as a prefix (`acm` finds Acme), so the box can search as you type.',
        querystring: SearchQuerySchema,
        response: {
          200: SearchResponseSchema,
          400: ApiErrorSchema,
          401: ApiErrorSchema,
          403: ApiErrorSchema,
        },
        security: [{ bearerAuth: [] }],
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const json = await searches.json(ctx, request.query);
      // Search-as-you-type sends a request per pause: count search sessions (one per person per
      // half hour), not keystrokes.
      usage.record({
        workspaceId: ctx.workspaceId,
        actorId: ctx.actor.userId,
        type: USAGE_EVENTS.searched,
        entity: 'workspace',
        entityId: ctx.workspaceId,
      });
      // Checked against SearchResponseSchema when the page was built: sent as the text it is.
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );
}
