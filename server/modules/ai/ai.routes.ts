import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiErrorSchema } from '../../../common/api-error';
import {
  AiStatusSchema,
  AnalyzeBodySchema,
  AnalyzeResultSchema,
  CompetitorProfileViewSchema,
  GenerateBodySchema,
  GenerationAcceptedSchema,
  RegenerateBodySchema,
  RegenerateParamsSchema,
} from '../../../common/ai';
import { IdParamsSchema, errorResponses, memberRoute } from '../../http/route-schemas';
import type { Services } from '../../services';
import { contextOf } from '../auth/authenticate';
import { aiRateLimit } from './ai-rate-limit';
import type { AiService } from './ai.service';
import type { GenerationService } from './generation.service';

const errors = { ...errorResponses(400, 401, 403, 404, 409), 429: ApiErrorSchema };

export function aiRoutes(
  fastify: FastifyInstance,
  services: Services,
  generation: GenerationService,
  ai: AiService,
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const limited = aiRateLimit(fastify, services.config.ai.requestsPerMinute);

  app.post(
    '/api/v1/battlecards/generate',
    {
      ...memberRoute({
        tags: ['ai', 'battlecards'],
        summary: 'Generate a battlecard from the competitor’s evidence (editors)',
        description: [
          'Creates the card (status `generating`) and its generation job in one transaction and',
          'answers at once. Follow the job at GET /api/v1/jobs/{jobId} or live over /ws',
          '(`job.progress`, then `battlecard.updated`). Every claim cites evidence with an exact',
          'quote; a section without evidence is left empty with a note. Counts against the',
          "workspace's AI rate limit (429 `ai_rate_limited`).",
        ].join(' '),
        body: GenerateBodySchema,
        response: { 202: GenerationAcceptedSchema, ...errors },
      }),
      preHandler: [limited],
    },
    async (request, reply) =>
      reply.status(202).send(await generation.generate(contextOf(request), request.body)),
  );

  app.post(
    '/api/v1/battlecards/:id/sections/:section/regenerate',
    {
      ...memberRoute({
        tags: ['ai', 'battlecards'],
        summary: 'Regenerate one section of a battlecard (editors)',
        description: [
          'Replaces the section’s AI-written claims with fresh ones from the current evidence.',
          'Claims a person added, edited or verified are kept unless `replaceEdited` is true.',
          '409 `generation_in_progress` while the card is being generated.',
        ].join(' '),
        params: RegenerateParamsSchema,
        body: RegenerateBodySchema,
        response: { 202: GenerationAcceptedSchema, ...errors },
      }),
      preHandler: [limited],
    },
    async (request, reply) => {
      const { id, section } = request.params;
      const body = request.body ?? { replaceEdited: false };
      return reply
        .status(202)
        .send(await generation.regenerate(contextOf(request), id, section, body));
    },
  );

  app.get(
    '/api/v1/competitors/:id/profile',
    memberRoute({
      tags: ['ai', 'competitors'],
      summary: 'What the evidence says about a competitor: facts by category, with citations',
      description: [
        'Deduplicated, ranked facts; conflicting facts (two prices for one plan) are kept side',
        'by side with `conflicting: true` and a shared `conflictKey`, newest first. Rebuilt',
        'when the evidence changed since the last profile.',
      ].join(' '),
      params: IdParamsSchema,
      response: { 200: CompetitorProfileViewSchema, ...errors },
    }),
    (request) => ai.profile(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/ai/analyze',
    {
      ...memberRoute({
        tags: ['ai'],
        summary: 'Extract facts from a text (≤ 50 kB), synchronously (editors)',
        body: AnalyzeBodySchema,
        response: { 200: AnalyzeResultSchema, ...errors },
      }),
      preHandler: [limited],
    },
    (request) => ai.analyze(contextOf(request), request.body),
  );

  app.get(
    '/api/v1/ai/status',
    memberRoute({
      tags: ['ai'],
      summary: 'The AI engine: provider, model, breaker, load, cache hit rate, recent runs',
      response: { 200: AiStatusSchema, ...errors },
    }),
    (request) => ai.status(contextOf(request)),
  );
}
