import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiErrorSchema } from '../../../common/api-error';
import { SearchQuerySchema, SearchResponseSchema } from '../../../common/search';
import { contextOf } from '../auth/authenticate';
import { SearchService } from './search.service';

export function searchRoutes(fastify: FastifyInstance): void {
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
      const json = await searches.json(contextOf(request), request.query);
      // Checked against SearchResponseSchema when the page was built: sent as the text it is.
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );
}
