import type { Module } from '../module';
import { BattlecardsService } from '../battlecards/battlecards.service';
import { VersionsService } from '../battlecards/versions.service';
import { exportRoutes } from './exports.routes';
import { ExportsService } from './exports.service';

/** Battlecard exports: PDF, Word and Markdown files of a card or one of its versions. */
export const exportsModule: Module = {
  name: 'exports',
  routes(app, services) {
    exportRoutes(
      app,
      new ExportsService(
        new BattlecardsService(services.cache),
        new VersionsService(services.cache),
      ),
    );
  },
};
