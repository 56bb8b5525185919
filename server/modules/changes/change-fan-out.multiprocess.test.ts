import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuthResponse } from '../../../common/auth';
import type { Source } from '../../../common/monitoring';
import { type LocalServer, startLocalServer } from '../../lib/safe-fetch/test-servers';
import { randomRedisPrefix } from '../../services';
import { eventually } from '../../test/harness';
import { createTestDatabase } from '../../test/test-database';
import { type TestSocket, connect } from '../../realtime/realtime.test-support';

/**
 * Monitoring in scale mode for real: two api processes and one worker on PostgreSQL + Redis.
 * A competitor's page, served on 127.0.0.1, changes its price; the check runs on the worker;
 * its `change.detected` reaches clients of that workspace connected to either api process, and
 * no client of another workspace. Runs when DATABASE_URL and REDIS_URL are set (CI).
 */
const TSX = path.resolve('node_modules/.bin/tsx');
const PUBLIC_URL = 'http://ringside.test';
const scaleMode = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

/** A real Ringside process (the fan-out fixture is server/main.ts with a test Redis prefix). */
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
    child.on('exit', (code) => reject(new Error(`${role} exited ${code} before ready:\n${out}`)));
  });
}

async function call<T>(
  base: string,
  auth: AuthResponse | undefined,
  method: string,
  url: string,
  body?: object,
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      origin: PUBLIC_URL,
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(auth ? { authorization: `Bearer ${auth.accessToken}` } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
}

async function register(base: string, label: string): Promise<AuthResponse> {
  const res = await call<AuthResponse>(base, undefined, 'POST', '/api/v1/auth/register', {
    email: `${label}.${randomBytes(4).toString('hex')}@example.test`,
    password: `correct horse ${randomBytes(6).toString('hex')} staple`,
    name: `${label} owner`,
    workspaceName: `${label} workspace`,
  });
  expect(res.status).toBe(201);
  return res.json;
}

const pricing = (price: string) =>
  `<!doctype html><html><head><title>Pricing</title></head><body><main><h1>Pricing</h1>
<p>The Pro plan costs ${price} per user per month.</p><p>SSO on every plan.</p></main></body></html>`;

describe.runIf(scaleMode)('change detection across processes (PostgreSQL + Redis)', () => {
  it("a change the worker detects reaches its workspace's clients on both api processes", async () => {
    const pages = new Map<string, string>([
      ['/a', pricing('$49')],
      ['/b', pricing('$15')],
    ]);
    const site: LocalServer = await startLocalServer((req, res) => {
      const body = pages.get(req.url ?? '');
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(body);
    });
    cleanups.push(() => site.close());
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ringside-monitor-fanout-'));
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
      SAFE_FETCH_ALLOW: '127.0.0.1',
    };
    const [apiOne, apiTwo] = await Promise.all([
      start('api', env),
      start('api', env),
      start('worker', env),
    ]);

    const a = await register(apiOne, 'alpha');
    const b = await register(apiTwo, 'beta');
    const watch = async (base: string, auth: AuthResponse, page: string) => {
      const rival = await call<{ id: string }>(base, auth, 'POST', '/api/v1/competitors', {
        name: `Rival ${page}`,
      });
      expect(rival.status).toBe(201);
      const src = await call<Source>(
        base,
        auth,
        'POST',
        `/api/v1/competitors/${rival.json.id}/sources`,
        {
          url: `${site.origin}${page}`,
        },
      );
      expect(src.status).toBe(201);
      return src.json;
    };
    /** "Check now" through `base`; the worker runs it. Resolves once the source was checked again. */
    const checkNow = async (base: string, auth: AuthResponse, src: Source) => {
      const list = async () =>
        (
          await call<{ items: Source[] }>(
            base,
            auth,
            'GET',
            `/api/v1/competitors/${src.competitorId}/sources`,
          )
        ).json.items[0]!;
      const before = (await list()).lastCheckedAt;
      expect((await call(base, auth, 'POST', `/api/v1/sources/${src.id}/check`)).status).toBe(202);
      return eventually(
        async () => {
          const now = await list();
          return now.lastCheckedAt && now.lastCheckedAt !== before && !now.checking
            ? now
            : undefined;
        },
        60_000,
        'the check on the worker',
      );
    };

    const sourceOfA = await watch(apiOne, a, '/a');
    const sourceOfB = await watch(apiTwo, b, '/b');
    expect((await checkNow(apiOne, a, sourceOfA)).status).toBe('ok');
    expect((await checkNow(apiTwo, b, sourceOfB)).status).toBe('ok');

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
    const bOnOne = await join(apiOne, b);
    const bOnTwo = await join(apiTwo, b);
    const detected = (socket: TestSocket) =>
      socket.messages.filter((m) => m.type === 'change.detected');

    pages.set('/a', pricing('$59'));
    await checkNow(apiTwo, a, sourceOfA);
    const changes = await call<{ items: { id: string; class: string }[] }>(
      apiOne,
      a,
      'GET',
      '/api/v1/changes',
    );
    expect(changes.json.items).toHaveLength(1);
    const changeOfA = changes.json.items[0]!;
    expect(changeOfA.class).toBe('pricing');
    for (const socket of [aOnOne, aOnTwo]) {
      await eventually(
        async () => (detected(socket).length > 0 ? true : undefined),
        20_000,
        'change.detected on a client of the workspace',
      );
      expect(detected(socket)).toEqual([
        expect.objectContaining({
          type: 'change.detected',
          entity: 'change',
          id: changeOfA.id,
          data: expect.objectContaining({ class: 'pricing', competitorId: sourceOfA.competitorId }),
        }),
      ]);
    }

    // B's change comes after A's on the same worker and pub/sub: once B's clients have it,
    // A's would have reached them too, had it been misrouted.
    pages.set('/b', pricing('$25'));
    await checkNow(apiOne, b, sourceOfB);
    for (const socket of [bOnOne, bOnTwo]) {
      await eventually(
        async () => (detected(socket).length > 0 ? true : undefined),
        20_000,
        'change.detected on a client of the other workspace',
      );
      expect(detected(socket).map((m) => m.id)).not.toContain(changeOfA.id);
      expect(detected(socket)).toHaveLength(1);
    }
    for (const socket of [aOnOne, aOnTwo]) expect(detected(socket)).toHaveLength(1);
  }, 240_000);
});
