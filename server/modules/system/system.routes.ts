import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DetailedHealthSchema,
  LivenessSchema,
  MetaSchema,
  ReadinessSchema,
} from '../../../common/system';
import type { Services } from '../../services';
import { detailedHealth, readiness } from './system.service';

export function systemRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness: the process answers',
        response: { 200: LivenessSchema },
      },
    },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers and all migrations are applied',
        response: { 200: ReadinessSchema, 503: ReadinessSchema },
      },
    },
    async (_request, reply) => {
      const result = await readiness(services);
      if (result.ready) return { status: 'ready' as const };
      return reply.status(503).send({ status: 'not_ready' as const, reason: result.reason });
    },
  );

  app.get(
    '/health/detailed',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Health of every dependency, with an overall verdict',
        description:
          '`unhealthy` (503) when the database is down or migrations are pending; `degraded` (200) when an optional dependency such as Redis is down.',
        response: { 200: DetailedHealthSchema, 503: DetailedHealthSchema },
      },
    },
    async (_request, reply) => {
      const health = await detailedHealth(services);
      return reply.status(health.status === 'unhealthy' ? 503 : 200).send(health);
    },
  );

  app.get(
    '/api/v1/meta',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Public facts about this server',
        response: { 200: MetaSchema },
      },
    },
    () => ({
      name: 'Ringside' as const,
      version: services.version,
      mode: services.config.mode,
      signupAllowed: services.config.allowSignup,
    }),
  );
}
