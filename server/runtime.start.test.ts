import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { createLogger } from './lib/logger';
import { startRuntime } from './runtime';
import { createTestDatabase } from './test/test-database';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The environment of a real deployment on a database of its own. */
async function env(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ringside-runtime-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const vars: Record<string, string> = {
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'silent',
    // The demo has its own tests (modules/demo); here it would only slow each start down.
    DEMO: 'false',
    ...extra,
  };
  if (process.env.DATABASE_URL) {
    const db = await createTestDatabase();
    await db.database.close();
    cleanups.push(() => db.drop());
    vars.DATABASE_URL = db.url!;
    vars.JWT_SECRET = 'runtime-test-secret-'.padEnd(48, 'x');
  }
  if (process.env.REDIS_URL) vars.REDIS_URL = process.env.REDIS_URL;
  return vars;
}

// Each test starts Ringside as a child process: slow on a busy machine, so a roomy timeout.
describe('runtime', { timeout: 90_000 }, () => {
  it('starts all roles in one process, serves, and shuts down cleanly', async () => {
    const config = loadConfig(await env());
    const runtime = await startRuntime(
      config,
      ['api', 'worker', 'scheduler'],
      createLogger('silent'),
    );
    try {
      expect(runtime.address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(runtime.scheduler?.isLeader).toBe(true);
      const ready = await fetch(`${runtime.address}/health/ready`);
      expect(ready.status).toBe(200);
      const health = (await (await fetch(`${runtime.address}/health/detailed`)).json()) as {
        status: string;
      };
      expect(health.status).toBe('healthy');
    } finally {
      await runtime.shutdown();
    }
    // A second shutdown is a no-op, not an error.
    await runtime.shutdown();
  });

  it('runs a worker alone, without an HTTP server', async () => {
    const config = loadConfig(await env());
    const runtime = await startRuntime(config, ['worker'], createLogger('silent'));
    try {
      expect(runtime.app).toBeUndefined();
      expect(runtime.address).toBeUndefined();
      expect(runtime.scheduler).toBeUndefined();
      expect(await runtime.services.database.migrationStatus()).toMatchObject({
        applied: expect.any(Number),
      });
    } finally {
      await runtime.shutdown();
    }
  });

  it('closes what it opened when the port is taken', async () => {
    const first = await startRuntime(loadConfig(await env()), ['api'], createLogger('silent'));
    try {
      const port = new URL(first.address!).port;
      await expect(
        startRuntime(loadConfig(await env({ PORT: port })), ['api'], createLogger('silent')),
      ).rejects.toThrow(/EADDRINUSE|address already in use/);
    } finally {
      await first.shutdown();
    }
  });
});
