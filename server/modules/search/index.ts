import type { Module } from '../module';
import { searchRoutes } from './search.routes';
import { refreshStatisticsTask } from './statistics';

/** Global search (Ctrl+K) across the workspace's competitors, cards, claims and evidence. */
export const searchModule: Module = {
  name: 'search',
  routes(app, services) {
    searchRoutes(app, services.usage);
  },
  tasks: (services) => [refreshStatisticsTask(services)],
};
