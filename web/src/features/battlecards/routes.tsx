import type { RouteObject } from 'react-router';
import { BattlecardEditorPage } from './battlecard-editor-page';
import { BattlecardPage } from './battlecard-page';
import { BattlecardsPage } from './battlecards-page';
import { VersionPage } from './version-page';
import { VersionsPage } from './versions-page';

/** Pages of the battlecards feature, mounted inside the signed-in app layout. */
export const battlecardRoutes: RouteObject[] = [
  { path: 'battlecards', element: <BattlecardsPage /> },
  { path: 'battlecards/:id', element: <BattlecardPage /> },
  { path: 'battlecards/:id/edit', element: <BattlecardEditorPage /> },
  { path: 'battlecards/:id/versions', element: <VersionsPage /> },
  { path: 'battlecards/:id/versions/:version', element: <VersionPage /> },
];
