import type { Scenario } from '../lib/scenario';
import { coreScenario } from './core';
import { documentsScenario } from './documents';
import { exportScenario } from './export';
import { extractionScenario } from './extraction';
import { generationScenario } from './generation';
import { httpScenario } from './http';
import { monitoringScenario } from './monitoring';

/** Every scenario, in the order `npm run bench` runs them. Add new ones here. */
export const scenarios: Scenario[] = [
  httpScenario,
  coreScenario,
  extractionScenario,
  generationScenario,
  documentsScenario,
  exportScenario,
  monitoringScenario,
];
