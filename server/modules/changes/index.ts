import type { Module } from '../module';
import { changesRoutes } from './changes.routes';

/** Detected changes of monitored sources: the timeline, read and dismissed state, settings. */
export const changesModule: Module = {
  name: 'changes',
  routes(app) {
    changesRoutes(app);
  },
};
