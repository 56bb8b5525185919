import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jobRun } from '../../db/schema';
import { type TestServices, createTestServices, eventually } from '../../test/harness';
import { defineJob } from './job-kind';

const ran: string[] = [];
const attemptsSeen = new Map<string, number[]>();

const recordJob = defineJob({
  name: 'test.record',
  payload: z.object({ label: z.string() }),
  retryLimit: 0,
  async handler({ label }, ctx) {
    await ctx.progress('recording', 40);
    ran.push(label);
    return { recorded: label };
  },
});

/** Fails on its first attempt, succeeds on the second: proves retries and readable progress. */
const flakyJob = defineJob({
  name: 'test.flaky',
  payload: z.object({ label: z.string() }),
  retryLimit: 2,
  retryDelaySeconds: 1,
  retryBackoff: false,
  async handler({ label }, ctx) {
    attemptsSeen.set(label, [...(attemptsSeen.get(label) ?? []), ctx.attempt]);
    await ctx.progress('fetching', 30);
    if (ctx.attempt === 1) throw new Error('upstream timed out');
    await ctx.progress('writing', 90);
    return { ok: true };
  },
});

const doomedJob = defineJob({
  name: 'test.doomed',
  payload: z.object({}),
  retryLimit: 1,
  retryDelaySeconds: 1,
  retryBackoff: false,
  handler() {
    return Promise.reject(new Error('the source is gone'));
  },
});

let t: TestServices;

beforeAll(async () => {
  t = await createTestServices({
    jobKinds: [recordJob, flakyJob, doomedJob] as never[],
  });
});
afterAll(() => t?.close());

describe('job queue', () => {
  it('runs a job enqueued in a committed transaction, with its result and progress', async () => {
    const { jobs, database } = t.services;
    const { id } = await database.db.transaction((tx) =>
      jobs.enqueue(tx, recordJob, { label: 'committed' }, { workspaceId: null }),
    );
    const done = await eventually(async () => {
      const job = await jobs.get(id);
      return job?.status === 'completed' ? job : undefined;
    });
    expect(done).toMatchObject({
      kind: 'test.record',
      stage: 'completed',
      progress: 100,
      attempts: 1,
      result: { recorded: 'committed' },
      error: null,
    });
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(ran).toContain('committed');
  });

  it('never runs a job whose transaction rolled back', async () => {
    const { jobs, database } = t.services;
    let enqueuedId: string | undefined;
    await expect(
      database.db.transaction(async (tx) => {
        enqueuedId = (await jobs.enqueue(tx, recordJob, { label: 'rolled-back' })).id;
        throw new Error('caller failed after enqueueing');
      }),
    ).rejects.toThrow('caller failed');
    expect(enqueuedId).toBeDefined();

    // A later job in the same queue proves the worker was polling while we waited.
    const { id: after } = await jobs.enqueue(database.db, recordJob, { label: 'after-rollback' });
    await eventually(async () =>
      (await jobs.get(after))?.status === 'completed' ? true : undefined,
    );
    expect(await jobs.get(enqueuedId!)).toBeUndefined();
    expect(ran).not.toContain('rolled-back');
    expect(await jobs.depth()).toMatchObject({ 'test.record': 0 });
  });

  it('retries a job that throws, and shows stage and attempts while it does', async () => {
    const { jobs, database } = t.services;
    const { id } = await jobs.enqueue(database.db, flakyJob, { label: 'flaky-1' });

    const retrying = await eventually(async () => {
      const job = await jobs.get(id);
      return job?.stage === 'retrying' ? job : undefined;
    });
    expect(retrying).toMatchObject({ status: 'queued', attempts: 1, error: 'upstream timed out' });

    const done = await eventually(async () => {
      const job = await jobs.get(id);
      return job?.status === 'completed' ? job : undefined;
    });
    expect(done).toMatchObject({ attempts: 2, progress: 100, error: null, result: { ok: true } });
    expect(attemptsSeen.get('flaky-1')).toEqual([1, 2]);
  });

  it('marks a job failed once its retries are spent', async () => {
    const { jobs, database } = t.services;
    const { id } = await jobs.enqueue(database.db, doomedJob, {});
    const failed = await eventually(async () => {
      const job = await jobs.get(id);
      return job?.status === 'failed' ? job : undefined;
    });
    expect(failed).toMatchObject({ stage: 'failed', attempts: 2, error: 'the source is gone' });
    expect(failed.finishedAt).toBeInstanceOf(Date);
  });

  it('returns the first job for a repeated idempotency key', async () => {
    const { jobs, database } = t.services;
    const first = await jobs.enqueue(
      database.db,
      recordJob,
      { label: 'once' },
      { idempotencyKey: 'k-1' },
    );
    const second = await jobs.enqueue(
      database.db,
      recordJob,
      { label: 'once' },
      { idempotencyKey: 'k-1' },
    );
    expect(second).toEqual({ id: first.id, deduplicated: true });
    const rows = await database.db.select().from(jobRun);
    expect(rows.filter((r) => r.idempotencyKey === 'k-1')).toHaveLength(1);
  });

  it('rejects a payload that does not match the kind', async () => {
    const { jobs, database } = t.services;
    await expect(
      jobs.enqueue(database.db, recordJob, { label: 42 } as unknown as { label: string }),
    ).rejects.toThrow();
  });

  it('hides a job from another workspace', async () => {
    const { jobs, database } = t.services;
    const workspaceId = '00000000-0000-4000-8000-000000000001';
    const { id } = await jobs.enqueue(database.db, recordJob, { label: 'scoped' }, { workspaceId });
    expect(await jobs.get(id, workspaceId)).toBeDefined();
    expect(await jobs.get(id, '00000000-0000-4000-8000-000000000002')).toBeUndefined();
  });

  it('purges finished job records past their retention', async () => {
    const { jobs } = t.services;
    await eventually(async () =>
      (await jobs.get((await t.services.database.db.select().from(jobRun))[0]!.id))?.finishedAt
        ? true
        : undefined,
    );
    expect(await jobs.purgeFinished(60 * 60 * 1000)).toBe(0);
    const removed = await jobs.purgeFinished(-1000);
    expect(removed).toBeGreaterThan(0);
  });
});
