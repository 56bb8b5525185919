import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import type { JobKind } from '../lib/jobs/job-kind';
import type { JobQueueOptions } from '../lib/jobs/job-queue';
import { createLogger } from '../lib/logger';
import { type Services, closeServices, createServices, randomRedisPrefix } from '../services';
import { createTestDatabase } from './test-database';

export interface TestServicesOptions {
  /** Extra environment, as a deployment would set it. */
  env?: Record<string, string>;
  /** Job kinds only this test needs, registered before the queue starts. */
  jobKinds?: JobKind<never, unknown>[];
  /** Start the job queue (default: yes, taking jobs, without maintenance). */
  jobs?: false | Partial<JobQueueOptions>;
}

export interface TestServices {
  services: Services;
  config: Config;
  close(): Promise<void>;
}

/**
 * Real services on a fresh database: PGlite (default) or PostgreSQL when DATABASE_URL is set;
 * Redis when REDIS_URL is set (with a key prefix of its own), in-process adapters otherwise.
 */
export async function createTestServices(options: TestServicesOptions = {}): Promise<TestServices> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ringside-data-'));
  const testDb = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    ...(testDb.url ? { DATABASE_URL: testDb.url } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...options.env,
  });
  const log = createLogger(config.logLevel);
  const services = await createServices(config, log, {
    database: testDb.database,
    redisPrefix: randomRedisPrefix(),
  });
  for (const kind of options.jobKinds ?? []) services.jobs.register(kind);
  if (options.jobs !== false) {
    await services.jobs.start({
      work: true,
      supervise: false,
      pollingIntervalSeconds: 0.5,
      ...options.jobs,
    });
  }
  return {
    services,
    config,
    async close() {
      await closeServices(services);
      await testDb.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp extends TestServices {
  app: FastifyInstance;
}

export interface TestAppOptions extends TestServicesOptions, AppOptions {
  /** Adds test-only routes before the app is ready. */
  configure?(app: FastifyInstance): void | Promise<void>;
}

/** The real app over real services, ready for `app.inject()`. */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const test = await createTestServices(options);
  const app = await buildApp(test.services, options);
  await options.configure?.(app);
  await app.ready();
  return {
    ...test,
    app,
    async close() {
      await app.close();
      await test.close();
    },
  };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
