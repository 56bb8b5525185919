import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { AuthResponse } from '../../common/auth';
import { randomRedisPrefix } from '../services';
import { createTestDatabase, type TestDatabase } from '../test/test-database';

/**
 * Scale mode for real in tests: api and worker processes (server/main.ts behind the fan-out
 * fixture, which announces its address and uses a test Redis prefix) on a fresh PostgreSQL
 * database and the machine's Redis. Everything started is stopped by `stopAll`.
 */
const TSX = path.resolve('node_modules/.bin/tsx');
export const PUBLIC_URL = 'http://ringside.test';
export const scaleMode = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

export interface ScaleProcesses {
  db: TestDatabase;
  env: NodeJS.ProcessEnv;
  /** Starts one process of the role and resolves with its base URL once it is ready. */
  start(role: 'api' | 'worker'): Promise<string>;
  /** Runs `cleanup` when everything stops (last registered first). */
  onStop(cleanup: () => Promise<void>): void;
  stopAll(): Promise<void>;
}

export async function scaleProcesses(extraEnv: NodeJS.ProcessEnv = {}): Promise<ScaleProcesses> {
  const cleanups: (() => Promise<void>)[] = [];
  const db = await createTestDatabase();
  cleanups.push(() => db.drop());
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ringside-scale-'));
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
    ...extraEnv,
  };

  const start = (role: string): Promise<string> => {
    const child: ChildProcess = spawn(
      TSX,
      ['server/realtime/fan-out.fixture.ts', `--role=${role}`],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
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
  };

  return {
    db,
    env,
    start,
    onStop: (cleanup) => cleanups.push(cleanup),
    async stopAll() {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
    },
  };
}

/** Signs up a new owner with a workspace of their own on the api at `base`. */
export async function registerOwner(base: string, label: string): Promise<AuthResponse> {
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
