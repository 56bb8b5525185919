import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { aiRun, competitorProfile, product, workspace } from '../../../db/schema';
import { insertBattlecard, insertCompetitor, insertEvidence } from '../../../test/core-factories';
import { useTestApp } from '../../../test/test-app';
import { openGeneration } from './generation-input';

/**
 * Opening a generation reads everything a regeneration needs and records its run in one
 * statement; a card outside the workspace yields nothing and records no run.
 */
const t = useTestApp({});

const RUN = {
  jobId: crypto.randomUUID(),
  kind: 'regenerate' as const,
  engine: 'local',
  model: 'ringside-local',
  fallbackReason: null,
};

async function workspaceWithCard() {
  const [ws] = await t.db().insert(workspace).values({ name: 'Open' }).returning();
  const workspaceId = ws!.id;
  const rival = await insertCompetitor(t.services, workspaceId, { name: 'Acme' });
  const card = await insertBattlecard(t.services, { workspaceId, competitorId: rival.id });
  return { workspaceId, rival, card };
}

it('reads the card, competitor, product, saved profile and evidence, newest first, and opens the run', async () => {
  const { workspaceId, rival, card } = await workspaceWithCard();
  const older = await insertEvidence(t.services, {
    workspaceId,
    competitorId: rival.id,
    title: 'Older',
    content: 'Acme Pro costs $40 per user per month.',
    capturedAt: new Date('2026-01-02T03:04:05.678Z'),
  });
  const newer = await insertEvidence(t.services, {
    workspaceId,
    competitorId: rival.id,
    title: 'Newer',
    content: 'Acme is SOC 2 Type II certified.',
    capturedAt: new Date('2026-02-02T03:04:05.678Z'),
  });
  await t
    .db()
    .insert(product)
    .values({
      workspaceId,
      name: 'Ringside',
      capabilities: ['Live battlecards'],
      proofPoints: [{ kind: 'metric', text: '30 % more wins' }],
    });
  await t.db().insert(competitorProfile).values({
    competitorId: rival.id,
    workspaceId,
    profile: {},
    evidenceFingerprint: 'fp',
    engine: 'local',
    model: 'ringside-local',
  });

  const opened = await openGeneration(t.services.database, workspaceId, card.id, ['pricing'], RUN);

  expect(opened).toBeDefined();
  const { input, runId } = opened!;
  expect(input.card).toMatchObject({ id: card.id, competitorId: rival.id });
  expect(input.competitor.name).toBe('Acme');
  expect(input.product).toMatchObject({
    name: 'Ringside',
    capabilities: ['Live battlecards'],
    proofPoints: [{ kind: 'metric', text: '30 % more wins' }],
  });
  expect(input.savedProfile).toMatchObject({ evidenceFingerprint: 'fp', engine: 'local' });
  expect(input.savedProfile!.updatedAt).toBeInstanceOf(Date);
  expect(input.evidence.map((e) => e.id)).toEqual([newer.id, older.id]);
  expect(input.evidence[1]).toMatchObject({
    title: 'Older',
    contentHash: older.contentHash,
    publishedAt: null,
  });
  expect(input.evidence[1]!.capturedAt.toISOString()).toBe('2026-01-02T03:04:05.678Z');
  const [run] = await t.db().select().from(aiRun).where(eq(aiRun.id, runId));
  expect(run).toMatchObject({
    workspaceId,
    battlecardId: card.id,
    jobId: RUN.jobId,
    kind: 'regenerate',
    status: 'running',
  });
});

it('gives a bare product and no profile when none is saved', async () => {
  const { workspaceId, card } = await workspaceWithCard();
  const opened = await openGeneration(t.services.database, workspaceId, card.id, ['pricing'], RUN);
  expect(opened!.input.product.name).toBe('Our product');
  expect(opened!.input.savedProfile).toBeNull();
  expect(opened!.input.evidence).toEqual([]);
});

it("opens nothing and records no run for another workspace's card", async () => {
  const mine = await workspaceWithCard();
  const theirs = await workspaceWithCard();
  const jobId = crypto.randomUUID();
  expect(
    await openGeneration(t.services.database, mine.workspaceId, theirs.card.id, ['pricing'], {
      ...RUN,
      jobId,
    }),
  ).toBeUndefined();
  expect(await t.db().select().from(aiRun).where(eq(aiRun.jobId, jobId))).toEqual([]);
});
