import type { Module } from '../module';
import { competitorRoutes } from './competitors.routes';

/** Competitors: the living file per rival that evidence, battlecards and deals hang off. */
export const competitorsModule: Module = {
  name: 'competitors',
  routes(app, services) {
    competitorRoutes(app, services);
  },
};
