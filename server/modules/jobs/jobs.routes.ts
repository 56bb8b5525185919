import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { JobSchema } from '../../../common/jobs';
import { IdParamsSchema, errorResponses, memberRoute } from '../../http/route-schemas';
import type { Services } from '../../services';
import { contextOf } from '../auth/authenticate';
import { getJob } from './jobs.service';

export function jobRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/jobs/:id',
    memberRoute({
      tags: ['jobs'],
      summary:
        'A background job of this workspace (generation, extraction, checks): status, stage and percent. Live updates arrive over /ws as job.progress, job.completed and job.failed.',
      params: IdParamsSchema,
      response: { 200: JobSchema, ...errorResponses(400, 401, 403, 404) },
    }),
    (request) => getJob(contextOf(request), services.jobs, request.params.id),
  );
}
