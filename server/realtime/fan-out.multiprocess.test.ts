import { afterAll, describe, expect, it } from 'vitest';
import type { AuthResponse } from '../../common/auth';
import type { Job } from '../../common/jobs';
import { openPostgres } from '../lib/db/database';
import { JobQueue } from '../lib/jobs/job-queue';
import { createLogger } from '../lib/logger';
import { eventually } from '../test/harness';
import {
  PUBLIC_URL,
  registerOwner,
  scaleMode,
  scaleProcesses,
} from './scale-processes.test-support';
import { fanOutProbeJob } from './fan-out.fixture-job';
import { type TestSocket, connect } from './realtime.test-support';

/**
 * Scale mode for real: two api processes and one worker on PostgreSQL + Redis. A job run by the
 * worker publishes its progress once; clients connected to either api process receive it —
 * and only clients of that workspace. Runs when DATABASE_URL and REDIS_URL are set (CI).
 */
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

describe.runIf(scaleMode)('live events across processes (PostgreSQL + Redis)', () => {
  it('a job run by the worker reaches clients of its workspace on both api processes', async () => {
    const scale = await scaleProcesses();
    cleanups.push(() => scale.stopAll());
    const { db } = scale;
    const [apiOne, apiTwo] = await Promise.all([
      scale.start('api'),
      scale.start('api'),
      scale.start('worker'),
    ]);

    const a = await registerOwner(apiOne, 'alpha');
    const b = await registerOwner(apiTwo, 'beta');
    const sockets: TestSocket[] = [];
    const join = async (base: string, auth: AuthResponse) => {
      const socket = await connect(base, { token: auth.accessToken, origin: PUBLIC_URL });
      sockets.push(socket);
      return socket;
    };
    cleanups.push(async () => {
      for (const socket of sockets) socket.ws.terminate();
    });
    const aOnOne = await join(apiOne, a);
    const aOnTwo = await join(apiTwo, a);
    const bOnTwo = await join(apiTwo, b);
    const bOnOne = await join(apiOne, b);

    // The caller: enqueues as an api route would (it does not run jobs itself).
    const database = await openPostgres({ url: db.url!, poolSize: 2 });
    const queue = new JobQueue(database, createLogger('silent')).register(fanOutProbeJob);
    await queue.start({ work: false, supervise: false });
    cleanups.push(async () => {
      await queue.stop();
      await database.close();
    });
    const jobOfA = await queue.enqueue(
      database.db,
      fanOutProbeJob,
      { label: 'a' },
      {
        workspaceId: a.workspace.id,
      },
    );
    // B's job runs after A's on the single worker: once B's clients have B's completion,
    // A's events would have reached them too, had they been misrouted.
    const jobOfB = await queue.enqueue(
      database.db,
      fanOutProbeJob,
      { label: 'b' },
      {
        workspaceId: b.workspace.id,
      },
    );

    const expected = [
      ['job.progress', { stage: 'collecting', progress: 25, status: 'running' }],
      ['job.progress', { stage: 'writing', progress: 75, status: 'running' }],
      ['job.completed', { status: 'completed', progress: 100 }],
    ];
    const eventsFor = (socket: TestSocket, id: string) =>
      socket.messages.filter((m) => m.id === id).map((m) => [m.type, m.data]);
    for (const [socket, id] of [
      [aOnOne, jobOfA.id],
      [aOnTwo, jobOfA.id],
      [bOnOne, jobOfB.id],
      [bOnTwo, jobOfB.id],
    ] as const) {
      await eventually(
        async () => (eventsFor(socket, id).length === 3 ? true : undefined),
        30_000,
        `job events on ${id}`,
      );
      expect(eventsFor(socket, id)).toEqual(expected);
    }
    expect(eventsFor(bOnOne, jobOfA.id)).toEqual([]);
    expect(eventsFor(bOnTwo, jobOfA.id)).toEqual([]);
    expect(eventsFor(aOnOne, jobOfB.id)).toEqual([]);
    expect(eventsFor(aOnTwo, jobOfB.id)).toEqual([]);

    // And the job reads the same through either api process.
    const read = await fetch(`${apiTwo}/api/v1/jobs/${jobOfA.id}`, {
      headers: { authorization: `Bearer ${a.accessToken}` },
    });
    expect(((await read.json()) as Job).status).toBe('completed');
  }, 180_000);
});
