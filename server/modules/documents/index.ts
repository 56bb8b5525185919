import type { JobKind } from '../../lib/jobs/job-kind';
import type { Module } from '../module';
import { extractDocumentJob } from './documents.jobs';
import { documentRoutes } from './documents.routes';

/** Documents: uploaded files whose text becomes evidence. */
export const documentsModule: Module = {
  name: 'documents',
  routes: (app, services) => documentRoutes(app, services),
  jobs: [extractDocumentJob as unknown as JobKind<never, unknown>],
};
