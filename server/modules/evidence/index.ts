import type { Module } from '../module';
import { evidenceRoutes } from './evidence.routes';

/** Evidence: the intel battlecard claims cite, stored as given. */
export const evidenceModule: Module = {
  name: 'evidence',
  routes(app, services) {
    evidenceRoutes(app, services);
  },
};
