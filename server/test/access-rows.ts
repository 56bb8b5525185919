import type { MatrixRows } from './access-matrix';
import { aiRows } from '../modules/ai/ai.access';
import { analyticsRows } from '../modules/analytics/analytics.access';
import { battlecardRows } from '../modules/battlecards/battlecards.access';
import { competitorRows } from '../modules/competitors/competitors.access';
import { dealRows } from '../modules/deals/deals.access';
import { documentRows } from '../modules/documents/documents.access';
import { evidenceRows } from '../modules/evidence/evidence.access';
import { jobRows } from '../modules/jobs/jobs.access';
import { notificationRows } from '../modules/notifications/notifications.access';
import { exportRows } from '../modules/exports/exports.access';
import { productRows } from '../modules/product/product.access';
import { searchRows } from '../modules/search/search.access';
import { monitoringRows } from '../modules/sources/sources.access';

/** Every area's access-matrix rows; the accounts area keeps its own in the test file. */
export const areaRows: MatrixRows[] = [
  productRows,
  competitorRows,
  evidenceRows,
  battlecardRows,
  exportRows,
  dealRows,
  searchRows,
  aiRows,
  analyticsRows,
  jobRows,
  documentRows,
  monitoringRows,
  notificationRows,
];
