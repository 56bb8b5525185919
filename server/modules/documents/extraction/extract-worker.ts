import { parentPort } from 'node:worker_threads';
import type { DocumentFormatValue } from '../../../../common/document-values';
import { ExtractionError, extractDocumentText } from './extract-text';

/** The worker side: one request at a time from the Extractor, answered by id. */
export interface ExtractRequest {
  id: number;
  format: DocumentFormatValue;
  bytes: Uint8Array;
}

parentPort?.on('message', (request: ExtractRequest) => {
  extractDocumentText(request.format, request.bytes).then(
    (result) => parentPort?.postMessage({ id: request.id, ok: true, result }),
    (err: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        ok: false,
        code: err instanceof ExtractionError ? err.code : 'document_malformed',
        message: err instanceof ExtractionError ? err.message : 'The document could not be read.',
      }),
  );
});
parentPort?.postMessage({ ready: true });
