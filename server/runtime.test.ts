import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRoles } from './runtime';
import { createTestDatabase, type TestDatabase } from './test/test-database';

const TSX = path.resolve('node_modules/.bin/tsx');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** Env for a child Ringside process on its own database (fresh data folder or test database). */
async function childEnv(extra: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ringside-proc-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  let db: TestDatabase | undefined;
  if (process.env.DATABASE_URL) {
    db = await createTestDatabase();
    await db.database.close();
    cleanups.push(() => db!.drop());
  }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    ...extra,
  };
  if (db) {
    env.DATABASE_URL = db.url;
    env.JWT_SECRET = 'test-secret-'.padEnd(48, 'x');
  }
  if (process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL;
  return env;
}

function waitForReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /\{"ready":"([^"]+)"\}/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code} before ready:\n${err}\n${out}`)));
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve({ code: child.exitCode, ms: 0 });
    child.on('exit', (code) => resolve({ code, ms: Date.now() - started }));
  });
}

describe('process roles', () => {
  it('parses --role', () => {
    expect(parseRoles([])).toEqual(['api', 'worker', 'scheduler']);
    expect(parseRoles(['--role=all'])).toEqual(['api', 'worker', 'scheduler']);
    expect(parseRoles(['--role=worker'])).toEqual(['worker']);
    expect(parseRoles(['--role=api,scheduler'])).toEqual(['api', 'scheduler']);
    expect(() => parseRoles(['--role=api,chef'])).toThrow(/chef/);
  });
});

// Each test starts Ringside as a child process: slow on a busy machine, so a roomy timeout.
describe('npm run migrate', { timeout: 90_000 }, () => {
  it('applies migrations and the job schema, then exits 0', async () => {
    const env = await childEnv();
    const child = spawn(TSX, ['server/migrate.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const { code } = await exitOf(child);
    expect(code, output).toBe(0);
    expect(output).toMatch(/migrations applied/);
  });
});

// Each test starts Ringside as a child process: slow on a busy machine, so a roomy timeout.
describe('server process', { timeout: 90_000 }, () => {
  it('refuses to start on bad configuration, naming the variable', async () => {
    const env = await childEnv({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    const child = spawn(TSX, ['server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const { code } = await exitOf(child);
    expect(code).toBe(78);
    expect(stderr).toContain('PORT: must be a whole number');
    expect(stderr).toContain('LOG_LEVEL');
  });

  it('on SIGTERM answers the request in flight, refuses new ones, and exits cleanly', async () => {
    const env = await childEnv({ SLOW_MS: '1500' });
    const child = spawn(TSX, ['server/test/fixtures/slow-server.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const base = await waitForReady(child);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);

    const inFlight = fetch(`${base}/test/slow`).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }));
    await new Promise((r) => setTimeout(r, 300));
    const exited = exitOf(child);
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));

    // A new request during shutdown is refused (connection closed) or told 503.
    const late = await fetch(`${base}/health`, { headers: { connection: 'close' } }).then(
      (r) => r.status,
      () => 'refused' as const,
    );
    expect([503, 'refused']).toContain(late);

    expect(await inFlight).toEqual({ status: 200, body: { done: true } });
    const { code, ms } = await exited;
    expect(code, output).toBe(0);
    expect(ms).toBeLessThan(10_000);
  });
});
