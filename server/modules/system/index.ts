import type { Module } from '../module';
import { systemRoutes } from './system.routes';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Finished job records are kept a week for "what happened" questions, then removed. */
const JOB_RETENTION_MS = 7 * DAY_MS;

export const systemModule: Module = {
  name: 'system',
  routes: systemRoutes,
  tasks: (services) => [
    {
      name: 'jobs.purge-finished',
      everyMs: 60 * 60 * 1000,
      async run() {
        const removed = await services.jobs.purgeFinished(JOB_RETENTION_MS);
        if (removed > 0) services.log.info({ removed }, 'purged finished job records');
      },
    },
  ],
};
