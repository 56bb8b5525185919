import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ExportParamsSchema, ExportQuerySchema } from '../../../common/exports';
import { errorResponses, memberRoute } from '../../http/route-schemas';
import { contextOf } from '../auth/authenticate';
import type { ExportsService } from './exports.service';

export function exportRoutes(fastify: FastifyInstance, exports: ExportsService): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/battlecards/:id/export/:format',
    memberRoute({
      tags: ['battlecards'],
      summary: 'Download a battlecard as PDF, Word (docx) or Markdown',
      description: [
        'The file holds the card as you would read it: viewers the published version, editors',
        'the working copy (same access rules as GET /battlecards/:id). `?version=N` exports a',
        'published version exactly as published. `?audience=shareable` leaves out internal-only',
        'claims; the default keeps them, each marked "Internal only", and marks the file',
        'Internal. The name comes in `Content-Disposition` (RFC 6266: an ASCII `filename` and a',
        'UTF-8 `filename*`). Every export is recorded as a `battlecard.exported` event.',
      ].join(' '),
      params: ExportParamsSchema,
      querystring: ExportQuerySchema,
      response: {
        200: z
          .string()
          .describe('The file: application/pdf, a .docx (Office Open XML) or text/markdown'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (request, reply) => {
      const { params, query } = request;
      const file = await exports.export(contextOf(request), params.id, params.format, query);
      void reply.headers({
        'content-type': file.contentType,
        'content-disposition': file.contentDisposition,
        'content-length': String(file.body.length),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
      // A Buffer is sent as is: no serialization.
      return reply.send(file.body as never);
    },
  );
}
