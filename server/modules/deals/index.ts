import type { Module } from '../module';
import { dealRoutes } from './deals.routes';

/** Win/loss records against competitors, and win rates from them. */
export const dealsModule: Module = {
  name: 'deals',
  routes(app) {
    dealRoutes(app);
  },
};
