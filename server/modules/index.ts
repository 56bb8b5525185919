import type { Module } from './module';
import { aiModule } from './ai';
import { analyticsModule } from './analytics';
import { accountsModule } from './auth';
import { battlecardsModule } from './battlecards';
import { changesModule } from './changes';
import { competitorsModule } from './competitors';
import { dealsModule } from './deals';
import { documentsModule } from './documents';
import { evidenceModule } from './evidence';
import { jobsModule } from './jobs';
import { notificationsModule } from './notifications';
import { exportsModule } from './exports';
import { productModule } from './product';
import { searchModule } from './search';
import { sourcesModule } from './sources';
import { systemModule } from './system';
import { realtimeModule } from '../realtime';

/** Every area of the product, in registration order. */
export const modules: Module[] = [
  systemModule,
  accountsModule,
  productModule,
  competitorsModule,
  evidenceModule,
  documentsModule,
  battlecardsModule,
  exportsModule,
  dealsModule,
  searchModule,
  aiModule,
  analyticsModule,
  jobsModule,
  realtimeModule,
  sourcesModule,
  changesModule,
  notificationsModule,
];
