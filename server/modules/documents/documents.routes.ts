import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DeleteDocumentQuerySchema,
  DocumentPageSchema,
  DocumentSchema,
  ListDocumentsQuerySchema,
  StorageUsageSchema,
  UpdateDocumentBodySchema,
  UploadFieldsSchema,
  UploadResultSchema,
} from '../../../common/documents';
import { IdParamsSchema, errorResponses, memberRoute } from '../../http/route-schemas';
import { AppError } from '../../lib/errors';
import type { Services } from '../../services';
import { contextOf } from '../auth/authenticate';
import {
  createDocument,
  deleteDocument,
  getDocument,
  listDocuments,
  readDocumentFile,
  storageUsage,
  updateDocument,
} from './documents.service';
import { contentDisposition } from './file-name';
import { readUpload } from './upload-reader';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['documents'];

/** Multipart text fields through the same zod schema as any body (400 `validation_failed`). */
function parseFields(fields: Record<string, string>) {
  const parsed = UploadFieldsSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  throw new AppError('validation_failed', 400, 'Some fields are missing or invalid.', {
    fields: parsed.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            path: `body.${key}`,
            message: 'is not a field this endpoint accepts',
          }))
        : [{ path: ['body', ...issue.path.map(String)].join('.'), message: issue.message }],
    ),
  });
}

export async function documentRoutes(fastify: FastifyInstance, services: Services): Promise<void> {
  // Multipart parsing only for this area's routes: encapsulated, so JSON routes are unchanged.
  await fastify.register(async (scope) => {
    await scope.register(multipart);
    const app = scope.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/v1/documents',
      memberRoute({
        tags,
        summary:
          'Upload a document (editors): multipart `file`, optional `competitorId` and `title`',
        description:
          'PDF, Word (.docx), text, Markdown, HTML or CSV, decided from the content (a name that ' +
          'contradicts the content is refused). 201 with the new document (extraction queued), ' +
          'or 200 with `duplicate: true` and the existing document when the same bytes are ' +
          'already in the workspace. 413 `file_too_large` / `storage_quota_exceeded`, 415 ' +
          '`unsupported_media_type`, 422 `document_malformed` / `document_encrypted` / ' +
          '`archive_limits_exceeded`, 400 `empty_file` / `file_missing`.',
        consumes: ['multipart/form-data'],
        response: {
          200: UploadResultSchema,
          201: UploadResultSchema,
          ...errorResponses(400, 401, 403, 404, 413, 415, 422),
        },
      }),
      async (request, reply) => {
        const ctx = contextOf(request);
        const upload = await readUpload(request, services.config.uploadMaxBytes);
        const result = await createDocument(services, ctx, {
          bytes: upload.bytes,
          fileName: upload.fileName,
          fields: parseFields(upload.fields),
        });
        return reply.status(result.duplicate ? 200 : 201).send(result);
      },
    );
  });

  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/documents',
    memberRoute({
      tags,
      summary: 'Documents of the workspace, newest first; filter by competitor and status',
      querystring: ListDocumentsQuerySchema,
      response: { 200: DocumentPageSchema, ...errors },
    }),
    (request) => listDocuments(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/documents/usage',
    memberRoute({
      tags,
      summary: 'Storage used by documents, the quota and the largest upload',
      response: { 200: StorageUsageSchema, ...errors },
    }),
    (request) => storageUsage(services, contextOf(request)),
  );

  app.get(
    '/api/v1/documents/:id',
    memberRoute({
      tags,
      summary: 'One document with a preview of its extracted text',
      params: IdParamsSchema,
      response: { 200: DocumentSchema, ...errors },
    }),
    (request) => getDocument(contextOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/documents/:id',
    memberRoute({
      tags,
      summary: 'Rename a document or link it to a competitor (editors)',
      description:
        'Linking a ready document to a competitor makes its text that competitor’s evidence.',
      params: IdParamsSchema,
      body: UpdateDocumentBodySchema,
      response: { 200: DocumentSchema, ...errors },
    }),
    (request) => updateDocument(services, contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/documents/:id/download',
    memberRoute({
      tags,
      summary: 'The uploaded file as stored, as an attachment',
      params: IdParamsSchema,
      response: {
        200: z.string().describe('The file bytes, with the media type decided at upload'),
        ...errors,
      },
    }),
    async (request, reply) => {
      const file = await readDocumentFile(contextOf(request), request.params.id);
      return (
        reply
          .header('content-type', file.mediaType)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          // Even if a browser rendered it (an HTML upload), it would run with no privileges.
          .header('content-security-policy', "sandbox; default-src 'none'")
          .header('cache-control', 'private, no-store')
          .send(file.bytes as unknown as string)
      );
    },
  );

  app.delete(
    '/api/v1/documents/:id',
    memberRoute({
      tags,
      summary: 'Delete a document (editors)',
      description:
        'Its evidence is deleted too, and claims citing that evidence lose the citation and are ' +
        'marked stale (`citedBy` on the document says how many). `?keepEvidence=true` keeps the ' +
        'evidence (and the claims intact) and deletes only the file.',
      params: IdParamsSchema,
      querystring: DeleteDocumentQuerySchema,
      response: { 204: z.null(), ...errors },
    }),
    async (request, reply) => {
      await deleteDocument(services, contextOf(request), request.params.id, request.query);
      return reply.status(204).send(null);
    },
  );
}
