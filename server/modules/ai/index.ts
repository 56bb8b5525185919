import type { Module } from '../module';
import { aiRoutes } from './ai.routes';
import { analyzeEvidenceJob } from './evidence-analysis.job';
import { AiService } from './ai.service';
import { GenerationService } from './generation.service';
import { stuckGenerationsTask } from './generation/stuck-sweeper';

/**
 * The AI pipeline's API: generate and regenerate battlecards (as jobs), the competitor profile,
 * synchronous analysis, engine status; the scheduler sweeps cards stuck in `generating`. The generation job is registered per process with its
 * services (registerGenerationJob in server/services.ts).
 */
export const aiModule: Module = {
  name: 'ai',
  routes(app, services) {
    aiRoutes(app, services, new GenerationService(services), new AiService(services));
  },
  jobs: [analyzeEvidenceJob as never],
  tasks: (services) => [stuckGenerationsTask(services)],
};
