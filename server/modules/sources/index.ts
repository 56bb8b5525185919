import type { Module } from '../module';
import { monitoringTasks } from './due-sources';
import { sourceCheckJob } from './source-check';
import { sourcesRoutes } from './sources.routes';

/** Monitoring sources: watched pages and feeds, their checks and the scheduler that runs them. */
export const sourcesModule: Module = {
  name: 'sources',
  routes(app, services) {
    sourcesRoutes(app, services);
  },
  jobs: [sourceCheckJob as never],
  tasks: monitoringTasks,
};
