import type { RouteObject } from 'react-router';
import { DealsPage } from '../deals/deals-page';
import { DocumentsTab } from '../documents/documents-tab';
import { ChangesPage } from '../monitoring/changes-timeline';
import { SourcesTab } from '../monitoring/sources-tab';
import { ProductPage } from '../product/product-page';
import { CompetitorPage } from './competitor-page';
import { CompetitorsPage } from './competitors-page';
import { BattlecardsTab } from './components/battlecards-tab';
import { DealsTab } from './components/deals-tab';
import { EvidenceDialog } from './components/evidence-dialog';
import { EvidenceTab } from './components/evidence-tab';
import { OverviewTab } from './components/overview-tab';

/**
 * Competitors, their evidence, our product profile and deals. Each tab of a competitor is an
 * address of its own; an evidence item opens as a dialog over the evidence tab.
 */
export const competitorRoutes: RouteObject[] = [
  { path: 'competitors', element: <CompetitorsPage /> },
  {
    path: 'competitors/:competitorId',
    element: <CompetitorPage />,
    children: [
      { index: true, element: <OverviewTab /> },
      {
        path: 'evidence',
        element: <EvidenceTab />,
        children: [{ path: ':evidenceId', element: <EvidenceDialog /> }],
      },
      { path: 'documents', element: <DocumentsTab /> },
      { path: 'battlecards', element: <BattlecardsTab /> },
      { path: 'deals', element: <DealsTab /> },
      { path: 'monitoring', element: <SourcesTab /> },
    ],
  },
  { path: 'deals', element: <DealsPage /> },
  { path: 'changes', element: <ChangesPage /> },
  { path: 'settings/product', element: <ProductPage /> },
];
