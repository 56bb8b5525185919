import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuthResponse } from '../../common/auth';
import type { Job } from '../../common/jobs';
import { openPostgres } from '../lib/db/database';
import { JobQueue } from '../lib/jobs/job-queue';
import { createLogger } from '../lib/logger';
import { randomRedisPrefix } from '../services';
import { eventually } from '../test/harness';
import { createTestDatabase } from '../test/test-database';
import { fanOutProbeJob } from './fan-out.fixture-job';
import { type TestSocket, connect } from './realtime.test-support';

/**
 * Scale mode for real: two api processes and one worker on PostgreSQL + Redis. A job run by the
 * worker publishes its progress once; clients connected to either api process receive it —
 * and only clients of that workspace. Runs when DATABASE_URL and REDIS_URL are set (CI).
 */
const TSX = path.resolve('node_modules/.bin/tsx');
const PUBLIC_URL = 'http://ringside.test';
const scaleMode = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

function start(role: string, env: NodeJS.ProcessEnv): Promise<string> {
  const child: ChildProcess = spawn(TSX, ['server/realtime/fan-out.fixture.ts', `--role=${role}`], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 8_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /\{"ready":"([^"]+)"\}/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      reject(new Error(`${role} exited ${code} before ready:\n${out}`));
    });
  });
}

async function register(base: string, label: string): Promise<AuthResponse> {
  const res = await fetch(`${base}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: PUBLIC_URL },
    body: JSON.stringify({
      email: `${label}.${randomBytes(4).toString('hex')}@example.test`,
      password: `correct horse ${randomBytes(6).toString('hex')} staple`,
      name: `${label} owner`,
      workspaceName: `${label} workspace`,
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as AuthResponse;
}

describe.runIf(scaleMode)('live events across processes (PostgreSQL + Redis)', () => {
  it('a job run by the worker reaches clients of its workspace on both api processes', async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ringside-fanout-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DEMO: 'false',
      PUBLIC_URL,
      DATABASE_URL: db.url,
      REDIS_URL: process.env.REDIS_URL,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      RINGSIDE_TEST_REDIS_PREFIX: randomRedisPrefix(),
    };
    const [apiOne, apiTwo] = await Promise.all([
      start('api', env),
      start('api', env),
      start('worker', env),
    ]);

    const a = await register(apiOne, 'alpha');
    const b = await register(apiTwo, 'beta');
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
