import type { Module } from '../module';
import { analyticsRoutes } from './analytics.routes';

/** Usage and impact: what is read, what is used, and whether it wins deals. */
export const analyticsModule: Module = {
  name: 'analytics',
  routes(app, services) {
    analyticsRoutes(app, services);
  },
};
