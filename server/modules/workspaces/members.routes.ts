import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../common/api-error';
import { MemberListSchema, MemberSchema, UpdateMemberBodySchema } from '../../../common/auth';
import type { Services } from '../../services';
import { contextOf } from '../auth/authenticate';
import { listMembers, updateMember } from './members.service';

const errors = {
  400: ApiErrorSchema,
  401: ApiErrorSchema,
  403: ApiErrorSchema,
  404: ApiErrorSchema,
  409: ApiErrorSchema,
};

export function memberRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const security = [{ bearerAuth: [] }];

  app.get(
    '/api/v1/members',
    {
      config: { access: 'member' },
      schema: {
        tags: ['workspace'],
        summary: 'Members of your workspace',
        response: { 200: MemberListSchema, ...errors },
        security,
      },
    },
    async (request) => ({ items: await listMembers(contextOf(request)) }),
  );

  app.patch(
    '/api/v1/members/:userId',
    {
      config: { access: 'member' },
      schema: {
        tags: ['workspace'],
        summary: "Change a member's role or status (admins)",
        params: z.object({ userId: z.uuid() }),
        body: UpdateMemberBodySchema,
        response: { 200: MemberSchema, ...errors },
        security,
      },
    },
    (request) => updateMember(services, contextOf(request), request.params.userId, request.body),
  );
}
