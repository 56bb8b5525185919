import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Job } from '../../../common/jobs';
import { jobRun } from '../../db/schema';
import { defineJob } from '../../lib/jobs/job-kind';
import { connect } from '../../realtime/realtime.test-support';
import { type Account, registerOwner } from '../../test/factories';
import { eventually } from '../../test/harness';
import { useTestApp } from '../../test/test-app';

/** Holds a probe job between its two stages until the test releases it. */
const gates = new Map<string, () => void>();
const probeJob = defineJob({
  name: 'test.probe',
  payload: z.object({ gate: z.string(), fail: z.boolean().default(false) }),
  retryLimit: 0,
  async handler(payload, ctx) {
    await ctx.progress('reading sources', 30);
    await new Promise<void>((resolve) => gates.set(payload.gate, resolve));
    await ctx.progress('writing', 80);
    if (payload.fail) throw new Error('the source was unreachable');
    return { written: 3 };
  },
});

const t = useTestApp({ jobKinds: [probeJob as never] });
let base = '';
beforeAll(async () => {
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});

async function enqueue(owner: Account, fail = false) {
  const gate = randomUUID();
  const { id } = await t.services.jobs.enqueue(
    t.db(),
    probeJob,
    { gate, fail },
    { workspaceId: owner.auth.workspace.id },
  );
  const release = () =>
    eventually(async () => {
      const open = gates.get(gate);
      if (!open) return undefined;
      open();
      return true;
    });
  return { id, release };
}

const getJob = async (who: Account, id: string) => t.call(who, 'GET', `/api/v1/jobs/${id}`);
const jobWhen = (who: Account, id: string, status: Job['status']) =>
  eventually(async () => {
    const job = (await getJob(who, id)).json<Job>();
    return job.status === status ? job : undefined;
  });

describe('GET /api/v1/jobs/:id', () => {
  it('follows a job of the workspace from queued to completed, live and by polling', async () => {
    const owner = await registerOwner(t.app);
    const socket = await connect(base, { token: owner.accessToken, origin: t.config.publicUrl });
    const { id, release } = await enqueue(owner);

    const running = await eventually(async () => {
      const job = (await getJob(owner, id)).json<Job>();
      return job.stage === 'reading sources' ? job : undefined;
    });
    expect(running).toMatchObject({ id, kind: 'test.probe', status: 'running', progress: 30 });
    expect(running.startedAt).toBeDefined();
    expect(running.finishedAt).toBeUndefined();

    await release();
    const done = await jobWhen(owner, id, 'completed');
    expect(done).toMatchObject({ progress: 100, stage: 'completed', result: { written: 3 } });
    expect(Date.parse(done.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(done.createdAt));
    expect(done.error).toBeUndefined();

    await socket.next('job.completed');
    const events = socket.messages.filter((m) => m.id === id);
    expect(events.map((m) => [m.type, m.data])).toEqual([
      ['job.progress', { stage: 'reading sources', progress: 30, status: 'running' }],
      ['job.progress', { stage: 'writing', progress: 80, status: 'running' }],
      ['job.completed', { status: 'completed', progress: 100 }],
    ]);
    socket.ws.close();
  });

  it('reports a failed job with its error', async () => {
    const owner = await registerOwner(t.app);
    const { id, release } = await enqueue(owner, true);
    await release();
    const failed = await jobWhen(owner, id, 'failed');
    expect(failed).toMatchObject({ stage: 'failed', error: 'the source was unreachable' });
    expect(failed.result).toBeUndefined();
  });

  it("answers 404 for another workspace's job, a system job and an unknown id", async () => {
    const owner = await registerOwner(t.app);
    const stranger = await registerOwner(t.app);
    const { id, release } = await enqueue(owner);
    const res = await getJob(stranger, id);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'job_not_found' } });

    const systemJob = randomUUID();
    await t.db().insert(jobRun).values({ id: systemJob, kind: 'jobs.purge', workspaceId: null });
    expect((await getJob(owner, systemJob)).statusCode).toBe(404);
    expect((await getJob(owner, randomUUID())).statusCode).toBe(404);
    await release();
  });

  it('answers 400 for an id that is not a uuid, and 401 without a token', async () => {
    const owner = await registerOwner(t.app);
    const res = await getJob(owner, 'not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${randomUUID()}` });
    expect(anonymous.statusCode).toBe(401);
  });
});
