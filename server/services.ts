import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Redis } from 'ioredis';
import type { Config } from './config';
import type { Cache } from './lib/cache/cache';
import { createMemoryCache } from './lib/cache/memory-cache';
import { createRedisCache } from './lib/cache/redis-cache';
import { type Database, openPglite, openPostgres } from './lib/db/database';
import { JobQueue } from './lib/jobs/job-queue';
import type { Logger } from './lib/logger';
import { createMemoryPubSub } from './lib/pubsub/memory-pubsub';
import type { PubSub } from './lib/pubsub/pubsub';
import { createRedisPubSub } from './lib/pubsub/redis-pubsub';
import { connectRedis } from './lib/redis';
import { type AiEngines, loadAiEngines } from './modules/ai/ai-engines';
import { registerGenerationJob } from './modules/ai/generation/generate.job';
import { AccessTokens } from './modules/auth/tokens';
import { modules } from './modules';
import { UsageRecorder } from './modules/analytics/usage-recorder';

/** Everything a request, a job or a scheduled task may use; built once per process. */
export interface Services {
  config: Config;
  log: Logger;
  database: Database;
  cache: Cache;
  pubsub: PubSub;
  /** Present when REDIS_URL is set; shared by the cache, rate limits and publishing. */
  redis: Redis | undefined;
  /** Prefix of every Redis key and channel of this deployment (tests give each app its own). */
  redisPrefix: string;
  jobs: JobQueue;
  /** Signs and verifies access tokens; the key is imported once per process. */
  tokens: AccessTokens;
  /** Buffered usage events (views, copies, searches) for analytics. */
  usage: UsageRecorder;
  startedAt: Date;
  version: string;
  /** The AI engines, loaded on first use (a process that never runs an agent never loads them). */
  ai: () => Promise<AiEngines>;
}

export interface ServiceOverrides {
  database?: Database;
  redisPrefix?: string;
  /** The AI engines to use instead of the configured ones. */
  ai?: AiEngines;
}

export const VERSION = (
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8')) as {
    version: string;
  }
).version;

export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  if (config.databaseUrl) {
    return openPostgres({ url: config.databaseUrl, poolSize: config.databasePoolSize, log });
  }
  return openPglite({ dataDir: path.join(config.dataDir, 'pglite') });
}

export async function createServices(
  config: Config,
  log: Logger,
  overrides: ServiceOverrides = {},
): Promise<Services> {
  const database = overrides.database ?? (await openDatabase(config, log));
  const redisPrefix = overrides.redisPrefix ?? config.redisPrefix;
  let redis: Redis | undefined;
  let cache: Cache;
  let pubsub: PubSub;
  try {
    if (config.redisUrl) {
      redis = await connectRedis(config.redisUrl, log);
      cache = createRedisCache(redis, `${redisPrefix}cache:`, log);
      pubsub = await createRedisPubSub(redis, `${redisPrefix}events:`, log);
    } else {
      cache = createMemoryCache();
      pubsub = createMemoryPubSub(log);
    }
  } catch (err) {
    redis?.disconnect();
    if (!overrides.database) await database.close();
    throw err;
  }
  const jobs = new JobQueue(database, log, pubsub);
  for (const module of modules) for (const kind of module.jobs ?? []) jobs.register(kind);
  const services: Services = {
    config,
    log,
    database,
    cache,
    pubsub,
    redis,
    redisPrefix,
    jobs,
    tokens: new AccessTokens(config),
    usage: new UsageRecorder(database.db, log),
    startedAt: new Date(),
    version: VERSION,
    ai: lazyAi(config, log, overrides.ai),
  };
  // Its handler needs these services (engines, cache, pub/sub), so it is bound here.
  registerGenerationJob(services);
  jobs.attach(services);
  return services;
}

function lazyAi(config: Config, log: Logger, given?: AiEngines): () => Promise<AiEngines> {
  let loading: Promise<AiEngines> | undefined = given ? Promise.resolve(given) : undefined;
  return () => {
    loading ??= loadAiEngines(config, log).catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };
}

export async function closeServices(services: Services): Promise<void> {
  await services.jobs.stop();
  await services.usage.close();
  await services.pubsub.close();
  await services.cache.close();
  if (services.redis) await services.redis.quit().catch(() => services.redis?.disconnect());
  await services.database.close();
}

/** A random prefix, so parallel test apps never share Redis keys. */
export const randomRedisPrefix = () => `ringside-test:${randomBytes(6).toString('hex')}:`;
