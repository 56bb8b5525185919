import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../lib/errors';

export interface ReceivedUpload {
  bytes: Buffer;
  /** As the client sent it: untrusted, sanitize before use. */
  fileName: string | undefined;
  fields: Record<string, string>;
}

const MAX_FIELDS = 4;

export const fileTooLarge = (maxBytes: number) =>
  new AppError(
    'file_too_large',
    413,
    `The file is larger than ${formatMegabytes(maxBytes)}, the most one upload may be.`,
    { maxBytes },
  );

export const formatMegabytes = (bytes: number) =>
  `${Number((bytes / 1_048_576).toFixed(1)).toString()} MB`;

/** Multipart errors as our stable codes (they would otherwise surface as generic 4xx). */
function multipartError(err: unknown, maxBytes: number): unknown {
  switch ((err as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return fileTooLarge(maxBytes);
    case 'FST_FILES_LIMIT':
      return badRequest('too_many_files', 'Send one file per request, in the field "file".');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return badRequest('too_many_fields', 'The form has more fields than this endpoint takes.');
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
      return badRequest('bad_multipart', 'The multipart form is incomplete or malformed.');
    default:
      return err;
  }
}

/**
 * Reads a `multipart/form-data` upload into memory (at most `maxBytes`: nothing touches the
 * disk). The size is enforced while streaming: busboy stops storing at the limit and marks the
 * stream `truncated`, which we turn into a 413 after letting the rest of the request drain, so
 * the client gets the answer rather than a reset connection.
 */
export async function readUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw new AppError(
      'unsupported_media_type',
      415,
      'Send the file as multipart/form-data, in the field "file".',
    );
  }
  const fields: Record<string, string> = {};
  let bytes: Buffer | undefined;
  let fileName: string | undefined;
  let truncated = false;
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes, files: 1, fields: MAX_FIELDS, fieldSize: 1_000, parts: 8 },
      throwFileSizeLimit: false,
    } as Parameters<FastifyRequest['parts']>[0]);
    for await (const part of parts) {
      if (part.type === 'file') {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) {
          chunks.push(chunk as Buffer);
        }
        if (part.fieldname !== 'file') {
          throw badRequest('file_missing', 'Send the file in the field named "file".');
        }
        truncated = part.file.truncated;
        bytes = truncated ? undefined : Buffer.concat(chunks);
        fileName = part.filename;
      } else {
        if (part.fieldnameTruncated || part.valueTruncated) {
          throw badRequest('too_many_fields', `The field "${part.fieldname}" is too long.`);
        }
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (err) {
    throw multipartError(err, maxBytes);
  }
  if (truncated) throw fileTooLarge(maxBytes);
  if (bytes === undefined) {
    throw badRequest('file_missing', 'Send the file in the multipart field "file".');
  }
  if (bytes.length === 0) {
    throw badRequest('empty_file', 'The file is empty: there is nothing to read.');
  }
  return { bytes, fileName, fields };
}
