import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DigestPageSchema,
  DigestSchema,
  InboxSchema,
  NotificationPreferencesSchema,
  NotificationSettingsSchema,
  UpdateNotificationPreferencesBodySchema,
  UpdateNotificationSettingsBodySchema,
} from '../../../common/notifications';
import { PageQuerySchema } from '../../../common/pagination';
import { IdParamsSchema, errorResponses, memberRoute } from '../../http/route-schemas';
import type { Services } from '../../services';
import { contextOf } from '../auth/authenticate';
import { getDigest, listDigests } from './digests.service';
import {
  getInbox,
  getNotificationSettings,
  getPreferences,
  updateNotificationSettings,
  updatePreferences,
} from './settings.service';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['notifications'];

export function notificationsRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/workspaces/current/notification-settings',
    memberRoute({
      tags,
      summary: 'Noise rules: the importance threshold and muted change classes',
      response: { 200: NotificationSettingsSchema, ...errors },
    }),
    (request) => getNotificationSettings(contextOf(request)),
  );

  app.patch(
    '/api/v1/workspaces/current/notification-settings',
    memberRoute({
      tags,
      summary:
        'Change the noise rules (admins). Changes below the threshold or of a muted class are ' +
        'recorded but neither pushed live, sent to webhooks nor put in digests',
      body: UpdateNotificationSettingsBodySchema,
      response: { 200: NotificationSettingsSchema, ...errors },
    }),
    (request) => updateNotificationSettings(contextOf(request), request.body),
  );

  app.get(
    '/api/v1/me/notification-preferences',
    memberRoute({
      tags,
      summary: 'Your digest: none, daily or weekly, and whether it is also e-mailed',
      response: { 200: NotificationPreferencesSchema, ...errors },
    }),
    (request) => getPreferences(services, contextOf(request)),
  );

  app.patch(
    '/api/v1/me/notification-preferences',
    memberRoute({
      tags,
      summary: 'Change your digest frequency or e-mail choice',
      body: UpdateNotificationPreferencesBodySchema,
      response: { 200: NotificationPreferencesSchema, ...errors },
    }),
    (request) => updatePreferences(services, contextOf(request), request.body),
  );

  app.get(
    '/api/v1/notifications/inbox',
    memberRoute({
      tags,
      summary: 'The bell: your unread changes that passed the noise rules',
      response: { 200: InboxSchema, ...errors },
    }),
    (request) => getInbox(contextOf(request)),
  );

  app.get(
    '/api/v1/digests',
    memberRoute({
      tags,
      summary: 'Your digests in this workspace, newest first',
      querystring: PageQuerySchema,
      response: { 200: DigestPageSchema, ...errors },
    }),
    (request) => listDigests(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/digests/:id',
    memberRoute({
      tags,
      summary: 'One of your digests with its changes',
      params: IdParamsSchema,
      response: { 200: DigestSchema, ...errors },
    }),
    (request) => getDigest(contextOf(request), request.params.id),
  );
}
