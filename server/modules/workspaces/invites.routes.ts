import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../common/api-error';
import {
  AcceptInviteBodySchema,
  AuthResponseSchema,
  CreateInviteBodySchema,
  CreatedInviteSchema,
  InviteListSchema,
  InvitePreviewSchema,
} from '../../../common/auth';
import { limit } from '../../lib/rate-limit/limit';
import type { Services } from '../../services';
import { clientOf } from '../auth/auth.routes';
import { contextOf } from '../auth/authenticate';
import { setRefreshCookie } from '../auth/refresh-cookie';
import type { InviteService } from './invites.service';

const errors = {
  400: ApiErrorSchema,
  401: ApiErrorSchema,
  403: ApiErrorSchema,
  404: ApiErrorSchema,
  409: ApiErrorSchema,
  410: ApiErrorSchema,
  429: ApiErrorSchema,
};

export function inviteRoutes(
  fastify: FastifyInstance,
  services: Services,
  invites: InviteService,
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const security = [{ bearerAuth: [] }];
  const acceptPerIp = limit(app, {
    name: 'invite-ip',
    max: 20,
    windowMs: 60_000,
    failClosed: true,
    key: (r) => r.ip,
  });

  app.get(
    '/api/v1/invites',
    {
      config: { access: 'member' },
      schema: {
        tags: ['workspace'],
        summary: 'Invites of your workspace (admins)',
        response: { 200: InviteListSchema, ...errors },
        security,
      },
    },
    async (request) => ({ items: await invites.list(contextOf(request)) }),
  );

  app.post(
    '/api/v1/invites',
    {
      config: { access: 'member' },
      schema: {
        tags: ['workspace'],
        summary: 'Invite someone by email (admins); the link is returned once',
        body: CreateInviteBodySchema,
        response: { 201: CreatedInviteSchema, ...errors },
        security,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await invites.create(contextOf(request), request.body)),
  );

  app.delete(
    '/api/v1/invites/:id',
    {
      config: { access: 'member' },
      schema: {
        tags: ['workspace'],
        summary: 'Revoke a pending invite (admins)',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errors },
        security,
      },
    },
    async (request, reply) => {
      await invites.revoke(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/invites/preview',
    {
      config: { access: 'public' },
      preHandler: [acceptPerIp],
      schema: {
        tags: ['workspace'],
        summary: 'What an invite link is for',
        querystring: z.object({ token: z.string().min(20).max(200) }),
        response: { 200: InvitePreviewSchema, ...errors },
      },
    },
    (request) => invites.preview(request.query.token),
  );

  app.post(
    '/api/v1/invites/accept',
    {
      config: { access: 'public' },
      preHandler: [acceptPerIp],
      schema: {
        tags: ['workspace'],
        summary: 'Accept an invite (creates the account if the email has none)',
        body: AcceptInviteBodySchema,
        response: { 200: AuthResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const signedIn = await invites.accept(request.body, clientOf(request));
      setRefreshCookie(
        request,
        reply,
        services.config,
        signedIn.refreshToken,
        signedIn.refreshExpiresAt,
      );
      return signedIn.body;
    },
  );
}
