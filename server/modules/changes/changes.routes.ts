import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePageSchema,
  ChangeSchema,
  IgnoreLineBodySchema,
  IgnoreLineResultSchema,
  ListChangesQuerySchema,
  MonitoringSettingsSchema,
  UpdateMonitoringSettingsBodySchema,
} from '../../../common/monitoring';
import { ApiErrorSchema } from '../../../common/api-error';
import { IdParamsSchema, errorResponses, memberRoute } from '../../http/route-schemas';
import { contextOf } from '../auth/authenticate';
import {
  getNotificationSettings,
  updateNotificationSettings,
} from '../notifications/settings.service';
import { dismissChange, getChange, listChanges, markRead } from './changes.service';
import { ignoreLine } from './ignore-line';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['monitoring'];
const noContent = { 204: z.null(), ...errors };

export function changesRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/changes',
    memberRoute({
      tags,
      summary: 'Detected changes, newest first; filters: competitor, class, importance, unread',
      querystring: ListChangesQuerySchema,
      response: { 200: ChangePageSchema, ...errors },
    }),
    (request) => listChanges(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/changes/:id',
    memberRoute({
      tags,
      summary: 'One change with its word diff',
      params: IdParamsSchema,
      response: { 200: ChangeSchema, ...errors },
    }),
    (request) => getChange(contextOf(request), request.params.id),
  );

  for (const [method, read] of [
    ['post', true],
    ['delete', false],
  ] as const) {
    app[method](
      '/api/v1/changes/:id/read',
      memberRoute({
        tags,
        summary: read ? 'Mark a change read (for you)' : 'Mark a change unread again',
        params: IdParamsSchema,
        response: noContent,
      }),
      async (request, reply) => {
        await markRead(contextOf(request), request.params.id, read);
        return reply.status(204).send(null);
      },
    );
    app[method](
      '/api/v1/changes/:id/dismiss',
      memberRoute({
        tags,
        summary: read
          ? 'Dismiss a change as noise, for the whole workspace (editors)'
          : 'Bring a dismissed change back (editors)',
        params: IdParamsSchema,
        response: noContent,
      }),
      async (request, reply) => {
        await dismissChange(contextOf(request), request.params.id, read);
        return reply.status(204).send(null);
      },
    );
  }

  app.post(
    '/api/v1/changes/:id/ignore',
    memberRoute({
      tags,
      summary:
        "Ignore this line (editors): adds an ignore rule for one of the change's lines to its source",
      params: IdParamsSchema,
      body: IgnoreLineBodySchema,
      response: { 200: IgnoreLineResultSchema, ...errors, 409: ApiErrorSchema },
    }),
    (request) => ignoreLine(contextOf(request), request.params.id, request.body.line),
  );

  app.get(
    '/api/v1/monitoring/settings',
    memberRoute({
      tags,
      summary:
        'Monitoring settings of the workspace. Deprecated: the threshold is one of the noise ' +
        'rules of /api/v1/workspaces/current/notification-settings',
      deprecated: true,
      response: { 200: MonitoringSettingsSchema, ...errors },
    }),
    async (request) => ({
      changeAlertThreshold: (await getNotificationSettings(contextOf(request)))
        .changeAlertThreshold,
    }),
  );

  app.put(
    '/api/v1/monitoring/settings',
    memberRoute({
      tags,
      summary:
        'Change the importance that is announced live (admins). Deprecated: PATCH ' +
        '/api/v1/workspaces/current/notification-settings',
      deprecated: true,
      body: UpdateMonitoringSettingsBodySchema,
      response: { 200: MonitoringSettingsSchema, ...errors },
    }),
    async (request) => ({
      changeAlertThreshold: (await updateNotificationSettings(contextOf(request), request.body))
        .changeAlertThreshold,
    }),
  );
}
