import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditEventListSchema } from '../../../common/auth';
import { errorResponses, memberRoute } from '../../http/route-schemas';
import { contextOf } from '../auth/authenticate';
import { listAuditEvents } from './audit.service';

export function auditRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/audit-events',
    memberRoute({
      tags: ['workspace'],
      summary: 'Security and activity log of your workspace, newest first (admins)',
      querystring: z.object({
        cursor: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(50),
      }),
      response: { 200: AuditEventListSchema, ...errorResponses(400, 401, 403) },
    }),
    (request) => listAuditEvents(contextOf(request), request.query),
  );
}
