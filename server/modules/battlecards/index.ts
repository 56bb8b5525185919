import type { Module } from '../module';
import { battlecardRoutes } from './battlecards.routes';
import { BattlecardsService } from './battlecards.service';
import { claimRoutes } from './claims.routes';
import { ClaimsService } from './claims.service';
import { versionRoutes } from './versions.routes';
import { VersionsService } from './versions.service';

/** Battlecards: cards, their claims with citations, publishing, versions and diffs. */
export const battlecardsModule: Module = {
  name: 'battlecards',
  routes(app, services) {
    battlecardRoutes(app, new BattlecardsService(services.cache), services.usage);
    claimRoutes(app, new ClaimsService(services.cache));
    versionRoutes(app, new VersionsService(services.cache));
  },
};
