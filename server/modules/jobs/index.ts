import type { Module } from '../module';
import { jobRoutes } from './jobs.routes';

/** Background jobs as people follow them (the kinds themselves belong to their areas). */
export const jobsModule: Module = {
  name: 'jobs',
  routes(app, services) {
    jobRoutes(app, services);
  },
};
