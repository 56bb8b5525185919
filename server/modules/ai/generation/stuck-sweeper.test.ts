import { eq, sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import type { GenerationAccepted } from '../../../../common/ai';
import { battlecard, jobRun } from '../../../db/schema';
import { EVENTS_CHANNEL } from '../../../lib/jobs/job-queue';
import { registerOwner } from '../../../test/factories';
import { eventually } from '../../../test/harness';
import { useTestApp } from '../../../test/test-app';
import { aiModule } from '../index';
import { seedQuillpoint } from '../test-support/quillpoint';
import { sweepStuckGenerations } from './stuck-sweeper';

// Jobs are queued but never worked here: each test puts its job in the state it needs.
const t = useTestApp({ jobs: { work: false, supervise: false } });
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function stuckCard(): Promise<GenerationAccepted & { workspaceId: string }> {
  const owner = await registerOwner(t.app);
  const workspaceId = owner.auth.workspace.id;
  const rivalId = await seedQuillpoint(t.services, workspaceId);
  const res = await t.call(owner, 'POST', '/api/v1/battlecards/generate', {
    competitorId: rivalId,
    productSegment: 'Sweeper',
  });
  expect(res.statusCode).toBe(202);
  const accepted = res.json<GenerationAccepted>();
  // Older than the grace period, as a card stuck since a crash would be.
  await t
    .db()
    .update(battlecard)
    .set({ updatedAt: sql`now() - interval '1 hour'` })
    .where(eq(battlecard.id, accepted.battlecardId));
  return { ...accepted, workspaceId };
}

async function cardOf(id: string) {
  const [row] = await t.db().select().from(battlecard).where(eq(battlecard.id, id));
  return row!;
}

async function events(): Promise<{ type: string; id: string; data: Record<string, unknown> }[]> {
  const seen: { type: string; id: string; data: Record<string, unknown> }[] = [];
  stops.push(
    await t.services.pubsub.subscribe(EVENTS_CHANNEL, (m) => {
      seen.push(m as (typeof seen)[number]);
    }),
  );
  return seen;
}

it('fails a card whose job pg-boss gave up on (the last attempt’s worker died)', async () => {
  const card = await stuckCard();
  const seen = await events();
  // What pg-boss maintenance does to an expired run with no retries left.
  await t.services.database.query(
    `update pgboss.job set state = 'failed', completed_on = now() where id = $1::uuid`,
    [card.jobId],
  );
  const swept = await sweepStuckGenerations(t.services);
  expect(swept.map((s) => s.battlecardId)).toContain(card.battlecardId);
  const row = await cardOf(card.battlecardId);
  expect(row.status).toBe('failed');
  expect((row.generatedBy as { error: string }).error).toMatch(/worker stopped responding/);
  const updated = await eventually(
    async () => seen.find((e) => e.type === 'battlecard.updated' && e.id === card.battlecardId),
    5_000,
    'the battlecard.updated event',
  );
  expect(updated.data).toMatchObject({ status: 'failed' });
});

it('gives the job’s own error when it failed for good', async () => {
  const card = await stuckCard();
  await t
    .db()
    .update(jobRun)
    .set({ error: 'evidence store unreachable' })
    .where(eq(jobRun.id, card.jobId));
  await t.services.database.query(
    `update pgboss.job set state = 'failed', completed_on = now() where id = $1::uuid`,
    [card.jobId],
  );
  await sweepStuckGenerations(t.services);
  const row = await cardOf(card.battlecardId);
  expect(row.status).toBe('failed');
  expect((row.generatedBy as { error: string }).error).toBe(
    'The generation failed: evidence store unreachable',
  );
});

it('fails a card whose job vanished', async () => {
  const card = await stuckCard();
  await t.services.database.query(`delete from pgboss.job where id = $1::uuid`, [card.jobId]);
  await t.db().delete(jobRun).where(eq(jobRun.id, card.jobId));
  await sweepStuckGenerations(t.services);
  const row = await cardOf(card.battlecardId);
  expect(row.status).toBe('failed');
  expect((row.generatedBy as { error: string }).error).toMatch(/job was lost/);
});

it('leaves a card alone while its job can still run, or while it is recent', async () => {
  const waiting = await stuckCard(); // queued, never worked: may still run
  const recent = await stuckCard();
  await t.services.database.query(
    `update pgboss.job set state = 'failed', completed_on = now() where id = $1::uuid`,
    [recent.jobId],
  );
  await t
    .db()
    .update(battlecard)
    .set({ updatedAt: sql`now()` })
    .where(eq(battlecard.id, recent.battlecardId));
  const swept = await sweepStuckGenerations(t.services);
  const ids = swept.map((s) => s.battlecardId);
  expect(ids).not.toContain(waiting.battlecardId);
  expect(ids).not.toContain(recent.battlecardId);
  expect((await cardOf(waiting.battlecardId)).status).toBe('generating');
  expect((await cardOf(recent.battlecardId)).status).toBe('generating');
});

it('judges a card by the job it names now, not one it named before', async () => {
  const card = await stuckCard();
  await t.services.database.query(
    `update pgboss.job set state = 'failed', completed_on = now() where id = $1::uuid`,
    [card.jobId],
  );
  // A regeneration replaced the job id on the card: the old job's failure is not the card's.
  const row = await cardOf(card.battlecardId);
  const newer = { ...(row.generatedBy as object), jobId: crypto.randomUUID() };
  await t
    .db()
    .update(battlecard)
    .set({ generatedBy: newer })
    .where(eq(battlecard.id, card.battlecardId));
  const swept = await sweepStuckGenerations(t.services);
  // The newer job exists nowhere (vanished), so that, not the old failure, is the reason.
  expect(swept.find((s) => s.battlecardId === card.battlecardId)?.reason).toMatch(/job was lost/);
});

it('runs in the scheduler role', () => {
  const names = (aiModule.tasks?.(t.services) ?? []).map((task) => task.name);
  expect(names).toContain('ai.sweep-stuck-generations');
});
