import type { Module } from './module';
import { accountsModule } from './auth';
import { battlecardsModule } from './battlecards';
import { competitorsModule } from './competitors';
import { dealsModule } from './deals';
import { documentsModule } from './documents';
import { evidenceModule } from './evidence';
import { productModule } from './product';
import { searchModule } from './search';
import { systemModule } from './system';

/** Every area of the product, in registration order. */
export const modules: Module[] = [
  systemModule,
  accountsModule,
  productModule,
  competitorsModule,
  evidenceModule,
  documentsModule,
  battlecardsModule,
  dealsModule,
  searchModule,
];
