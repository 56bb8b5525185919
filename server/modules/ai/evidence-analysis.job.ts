import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { evidence } from '../../db/schema';
import { defineJob } from '../../lib/jobs/job-kind';
import { AgentCallCache } from './agent-cache';
import { engineForRun } from './budget';
import { analysisInput } from './profile-builder';

/**
 * content_analysis of one new piece of evidence (an uploaded document's text), as soon as it
 * exists: the facts land in the agent-call cache under the same key the profile and generation
 * use, so the competitor's profile and its next card are built without waiting for them.
 */
export const analyzeEvidenceJob = defineJob({
  name: 'evidence.analyze',
  payload: z.object({ evidenceId: z.uuid() }),
  retryLimit: 2,
  expireInSeconds: 10 * 60,
  async handler({ evidenceId }, ctx) {
    const { services } = ctx;
    const db = services.database.db;
    const [doc] = await db.select().from(evidence).where(eq(evidence.id, evidenceId));
    if (!doc) return { evidenceId, skipped: 'deleted' };
    await ctx.progress('analysing', 10);
    const { engine, tally } = await engineForRun(services, doc.workspaceId);
    const { facts } = await new AgentCallCache(services.cache, db).run(
      engine,
      'content_analysis',
      analysisInput(doc),
      tally,
    );
    return { evidenceId, facts: facts.length, cached: tally.hits > 0, engine: tally.engine };
  },
});
