import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../common/api-error';
import {
  CreateWebhookBodySchema,
  ListDeliveriesQuerySchema,
  UpdateWebhookBodySchema,
  WebhookAttemptPageSchema,
  WebhookListSchema,
  WebhookSchema,
  WebhookTestResultSchema,
  WebhookWithSecretSchema,
} from '../../../common/notifications';
import { IdParamsSchema, errorResponses, memberRoute } from '../../http/route-schemas';
import type { Services } from '../../services';
import { contextOf } from '../auth/authenticate';
import { VERIFY_DOC } from './webhook-signature';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listAttempts,
  listWebhooks,
  rotateSecret,
  testWebhook,
  updateWebhook,
} from './webhooks.service';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['webhooks'];

export function webhooksRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/webhooks',
    memberRoute({
      tags,
      summary: 'Webhooks of the workspace (admins)',
      description: VERIFY_DOC,
      response: { 200: WebhookListSchema, ...errors },
    }),
    (request) => listWebhooks(contextOf(request)),
  );

  app.post(
    '/api/v1/webhooks',
    memberRoute({
      tags,
      summary: 'Add a webhook (admins); the answer carries its signing secret, shown only once',
      description: VERIFY_DOC,
      body: CreateWebhookBodySchema,
      response: { 201: WebhookWithSecretSchema, ...errors, 409: ApiErrorSchema },
    }),
    async (request, reply) =>
      reply.status(201).send(await createWebhook(contextOf(request), request.body)),
  );

  app.get(
    '/api/v1/webhooks/:id',
    memberRoute({
      tags,
      summary: 'One webhook (admins); never its secret',
      params: IdParamsSchema,
      response: { 200: WebhookSchema, ...errors },
    }),
    (request) => getWebhook(contextOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/webhooks/:id',
    memberRoute({
      tags,
      summary: 'Rename, re-point, change the format of, enable or disable a webhook (admins)',
      params: IdParamsSchema,
      body: UpdateWebhookBodySchema,
      response: { 200: WebhookSchema, ...errors },
    }),
    (request) => updateWebhook(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/webhooks/:id',
    memberRoute({
      tags,
      summary: 'Remove a webhook and its delivery log (admins)',
      params: IdParamsSchema,
      response: { 204: z.null(), ...errors },
    }),
    async (request, reply) => {
      await deleteWebhook(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/webhooks/:id/rotate-secret',
    memberRoute({
      tags,
      summary: 'Replace the signing secret (admins); the new one is shown once',
      params: IdParamsSchema,
      response: { 200: WebhookWithSecretSchema, ...errors },
    }),
    (request) => rotateSecret(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/webhooks/:id/test',
    memberRoute({
      tags,
      summary: 'Send a signed `webhook.test` event now and report what the receiver answered',
      description: VERIFY_DOC,
      params: IdParamsSchema,
      response: { 200: WebhookTestResultSchema, ...errors },
    }),
    (request) => testWebhook(services, contextOf(request), request.params.id),
  );

  app.get(
    '/api/v1/webhooks/:id/deliveries',
    memberRoute({
      tags,
      summary: 'Delivery log: every attempt with its outcome, HTTP status, duration and error',
      params: IdParamsSchema,
      querystring: ListDeliveriesQuerySchema,
      response: { 200: WebhookAttemptPageSchema, ...errors },
    }),
    (request) => listAttempts(contextOf(request), request.params.id, request.query),
  );
}
