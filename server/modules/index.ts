import type { Module } from './module';
import { accountsModule } from './auth';
import { battlecardsModule } from './battlecards';
import { changesModule } from './changes';
import { competitorsModule } from './competitors';
import { dealsModule } from './deals';
import { evidenceModule } from './evidence';
import { productModule } from './product';
import { searchModule } from './search';
import { sourcesModule } from './sources';
import { systemModule } from './system';

/** Every area of the product, in registration order. */
export const modules: Module[] = [
  systemModule,
  accountsModule,
  productModule,
  competitorsModule,
  evidenceModule,
  battlecardsModule,
  dealsModule,
  searchModule,
  sourcesModule,
  changesModule,
];
