import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../common/api-error';
import {
  ApiKeyListSchema,
  CreateApiKeyBodySchema,
  CreatedApiKeySchema,
} from '../../../common/auth';
import type { Services } from '../../services';
import { contextOf } from '../auth/authenticate';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service';

const errors = {
  400: ApiErrorSchema,
  401: ApiErrorSchema,
  403: ApiErrorSchema,
  404: ApiErrorSchema,
};

export function apiKeyRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const security = [{ bearerAuth: [] }];

  app.get(
    '/api/v1/api-keys',
    {
      config: { access: 'member' },
      schema: {
        tags: ['api keys'],
        summary: 'Your API keys in this workspace',
        response: { 200: ApiKeyListSchema, ...errors },
        security,
      },
    },
    async (request) => ({ items: await listApiKeys(contextOf(request)) }),
  );

  app.post(
    '/api/v1/api-keys',
    {
      config: { access: 'member' },
      schema: {
        tags: ['api keys'],
        summary: 'Create an API key; the secret is shown only in this response',
        body: CreateApiKeyBodySchema,
        response: { 201: CreatedApiKeySchema, ...errors },
        security,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApiKey(contextOf(request), request.body)),
  );

  app.delete(
    '/api/v1/api-keys/:id',
    {
      config: { access: 'member' },
      schema: {
        tags: ['api keys'],
        summary: 'Revoke one of your API keys',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errors },
        security,
      },
    },
    async (request, reply) => {
      await revokeApiKey(services, contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
