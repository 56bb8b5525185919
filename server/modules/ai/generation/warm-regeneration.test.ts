import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { GenerationAccepted } from '../../../../common/ai';
import { aiRun, battlecard, claim, competitorProfile, evidence, product } from '../../../db/schema';
import { type Account, registerOwner } from '../../../test/factories';
import { eventually } from '../../../test/harness';
import { useTestApp } from '../../../test/test-app';
import { seedQuillpoint } from '../test-support/quillpoint';
import type { GenerationResult } from './pipeline';

/**
 * A regeneration whose inputs hash the same skips the writes: the profile is not written
 * again and equal claims are not deleted and re-inserted (their ids stay). Anything that
 * changes — evidence, a stale marker — still rewrites.
 */
const t = useTestApp({});

async function run(owner: Account, path: string, body: object): Promise<GenerationResult> {
  const res = await t.call(owner, 'POST', path, body);
  expect(res.statusCode, res.body).toBe(202);
  const { jobId } = res.json<GenerationAccepted>();
  const job = await eventually(
    async () => {
      const row = await t.services.jobs.get(jobId);
      return row?.status === 'completed' || row?.status === 'failed' ? row : undefined;
    },
    60_000,
    'the generation job',
  );
  expect(job.status, job.error ?? '').toBe('completed');
  return job.result as GenerationResult;
}

async function claimsOf(battlecardId: string) {
  return t
    .db()
    .select({ id: claim.id, text: claim.text, section: claim.section })
    .from(claim)
    .where(eq(claim.battlecardId, battlecardId))
    .orderBy(asc(claim.section), asc(claim.position));
}

async function profileWrittenAt(competitorId: string): Promise<number> {
  const [row] = await t
    .db()
    .select({ updatedAt: competitorProfile.updatedAt })
    .from(competitorProfile)
    .where(eq(competitorProfile.competitorId, competitorId));
  return row!.updatedAt.getTime();
}

it('skips the writes of a regeneration whose inputs are unchanged, and only those', async () => {
  const owner = await registerOwner(t.app);
  const workspaceId = owner.auth.workspace.id;
  const rivalId = await seedQuillpoint(t.services, workspaceId);
  const res = await t.call(owner, 'POST', '/api/v1/battlecards/generate', {
    competitorId: rivalId,
    productSegment: 'Warm',
  });
  const { battlecardId, jobId } = res.json<GenerationAccepted>();
  await eventually(async () => {
    const job = await t.services.jobs.get(jobId);
    return job?.status === 'completed' ? job : undefined;
  }, 60_000);
  const first = await claimsOf(battlecardId);
  const profileAt = await profileWrittenAt(rivalId);
  expect(first.length).toBeGreaterThan(3);
  const regenerate = `/api/v1/battlecards/${battlecardId}/sections/pricing/regenerate`;

  // Same evidence: the same rows stay. The second time every agent call is cached (the first
  // asked the writer for one section, a new question), and the run is recorded all the same.
  await run(owner, regenerate, {});
  expect(await claimsOf(battlecardId)).toEqual(first);
  const warm = await run(owner, regenerate, {});
  expect(await claimsOf(battlecardId)).toEqual(first);
  expect(await profileWrittenAt(rivalId)).toBe(profileAt);
  expect(warm).toMatchObject({ cacheMisses: 0 });
  expect(warm.cacheHits).toBeGreaterThan(2);
  const [warmRun] = await t.db().select().from(aiRun).where(eq(aiRun.id, warm.runId!));
  expect(warmRun).toMatchObject({
    status: 'completed',
    cacheHits: warm.cacheHits,
    cacheMisses: 0,
    claimsWritten: first.filter((c) => c.section === 'pricing').length,
  });
  const [card] = await t.db().select().from(battlecard).where(eq(battlecard.id, battlecardId));
  expect(card!.generatedBy).toMatchObject({ runId: warm.runId, engine: 'local' });

  // What the writer reads changed (our product): the writer runs again.
  await t
    .db()
    .insert(product)
    .values({ workspaceId, name: 'Ours', pitch: 'Faster onboarding than anyone.' })
    .onConflictDoUpdate({ target: product.workspaceId, set: { pitch: 'Faster onboarding.' } });
  expect((await run(owner, regenerate, {})).cacheMisses).toBeGreaterThan(0);
  const afterProduct = await claimsOf(battlecardId);

  // A stale claim is rewritten even though its text would be the same.
  const pricing = afterProduct.filter((c) => c.section === 'pricing');
  expect(pricing.length).toBeGreaterThan(0);
  await t.db().update(claim).set({ stale: true }).where(eq(claim.id, pricing[0]!.id));
  await run(owner, regenerate, {});
  const afterStale = await claimsOf(battlecardId);
  const newPricing = afterStale.filter((c) => c.section === 'pricing');
  expect(newPricing.map((c) => c.text)).toEqual(pricing.map((c) => c.text));
  expect(newPricing[0]!.id).not.toBe(pricing[0]!.id);
  // Sections not regenerated are untouched.
  expect(afterStale.filter((c) => c.section !== 'pricing')).toEqual(
    first.filter((c) => c.section !== 'pricing'),
  );

  // Changed evidence: a new profile is built and saved.
  const [doc] = await t
    .db()
    .select()
    .from(evidence)
    .where(and(eq(evidence.workspaceId, workspaceId), eq(evidence.competitorId, rivalId)))
    .limit(1);
  const content = `${doc!.content} Quillpoint now also offers a Scale plan at $99 per user per month.`;
  await t
    .db()
    .update(evidence)
    .set({ content, contentHash: createHash('sha256').update(content).digest('hex') })
    .where(eq(evidence.id, doc!.id));
  await run(owner, regenerate, {});
  expect(await profileWrittenAt(rivalId)).toBeGreaterThan(profileAt);
});
