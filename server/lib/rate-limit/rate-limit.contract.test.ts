import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../../http/error-handler';
import { randomRedisPrefix } from '../../services';
import { connectRedis } from '../redis';
import { limit } from './limit';
import { rateLimitOptions } from './rate-limit';

const redisUrl = process.env.REDIS_URL;
const connections: Redis[] = [];
const apps: FastifyInstance[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
  await Promise.all(connections.map((r) => r.quit()));
});

/** A minimal app with one limited route (3 per minute), on the store under test. */
async function limitedApp(redis: Redis | undefined, nameSpace: string): Promise<FastifyInstance> {
  const app = Fastify();
  registerErrorHandling(app);
  await app.register(rateLimit, rateLimitOptions(redis, nameSpace));
  app.get('/limited', { config: { rateLimit: { max: 3, timeWindow: 60_000 } } }, () => ({
    ok: true,
  }));
  app.get('/open', () => ({ ok: true }));
  await app.ready();
  apps.push(app);
  return app;
}

const stores: [string, (ns: string) => Promise<Redis | undefined>][] = [
  ['memory', () => Promise.resolve(undefined)],
];
if (redisUrl) {
  stores.push([
    'redis',
    async () => {
      const redis = await connectRedis(redisUrl);
      connections.push(redis);
      return redis;
    },
  ]);
}

describe.each(stores)('rate-limit store contract: %s', (_name, makeStore) => {
  it('allows the limit, then answers 429 rate_limited with Retry-After', async () => {
    const ns = randomRedisPrefix();
    const app = await limitedApp(await makeStore(ns), ns);
    for (let i = 0; i < 3; i++) {
      const ok = await app.inject({ url: '/limited' });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['x-ratelimit-remaining']).toBe(String(2 - i));
    }
    const limited = await app.inject({ url: '/limited' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({
      error: {
        code: 'rate_limited',
        details: { limit: 3 },
        message: expect.stringMatching(/Try again/),
      },
    });
  });

  it('counts each client separately and leaves unlimited routes alone', async () => {
    const ns = randomRedisPrefix();
    const app = await limitedApp(await makeStore(ns), ns);
    for (let i = 0; i < 3; i++) await app.inject({ url: '/limited', remoteAddress: '10.0.0.1' });
    expect((await app.inject({ url: '/limited', remoteAddress: '10.0.0.1' })).statusCode).toBe(429);
    expect((await app.inject({ url: '/limited', remoteAddress: '10.0.0.2' })).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) {
      expect((await app.inject({ url: '/open', remoteAddress: '10.0.0.1' })).statusCode).toBe(200);
    }
  });
});

describe.runIf(redisUrl)('redis rate-limit store across processes', () => {
  it('shares one count between two app instances', async () => {
    const ns = randomRedisPrefix();
    const redisA = await connectRedis(redisUrl!);
    const redisB = await connectRedis(redisUrl!);
    connections.push(redisA, redisB);
    const a = await limitedApp(redisA, ns);
    const b = await limitedApp(redisB, ns);
    expect((await a.inject({ url: '/limited' })).statusCode).toBe(200);
    expect((await b.inject({ url: '/limited' })).statusCode).toBe(200);
    expect((await a.inject({ url: '/limited' })).statusCode).toBe(200);
    expect((await b.inject({ url: '/limited' })).statusCode).toBe(429);
  });
});

describe.each(stores)('limit() guards on store: %s', (_name, makeStore) => {
  it('enforces several limits on one route, each with its own count', async () => {
    const ns = randomRedisPrefix();
    const app = Fastify();
    registerErrorHandling(app);
    await app.register(rateLimit, rateLimitOptions(await makeStore(ns), ns));
    const perIp = limit(app, { name: 'ip', max: 5, windowMs: 60_000, key: (r) => r.ip });
    const perAccount = limit(app, {
      name: 'acct',
      max: 2,
      windowMs: 60_000,
      key: (r) => (r.query as { a?: string }).a ?? '',
    });
    app.get('/guarded', { preHandler: [perIp, perAccount] }, () => ({ ok: true }));
    await app.ready();
    apps.push(app);
    const hit = (a: string, ip: string) =>
      app.inject({ url: `/guarded?a=${a}`, remoteAddress: ip });
    expect((await hit('x', '10.0.0.1')).statusCode).toBe(200);
    expect((await hit('x', '10.0.0.2')).statusCode).toBe(200);
    const third = await hit('x', '10.0.0.3');
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('rate_limited');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    for (const a of ['p', 'q']) expect((await hit(a, '10.0.0.9')).statusCode).toBe(200);
    expect((await hit('r', '10.0.0.9')).statusCode).toBe(200);
    expect((await hit('s', '10.0.0.9')).statusCode).toBe(200);
    expect((await hit('t', '10.0.0.9')).statusCode).toBe(200);
    expect((await hit('u', '10.0.0.9')).statusCode).toBe(429);
  });
});

describe.runIf(redisUrl)('limit() while Redis is away', () => {
  it('fails open by default and closed where asked, with 503 rate_limit_unavailable', async () => {
    const ns = randomRedisPrefix();
    const redis = await connectRedis(redisUrl!);
    const app = Fastify();
    registerErrorHandling(app);
    await app.register(rateLimit, rateLimitOptions(redis, ns));
    app.get(
      '/open',
      { preHandler: [limit(app, { name: 'o', max: 5, windowMs: 60_000, key: (r) => r.ip })] },
      () => ({ ok: true }),
    );
    app.get(
      '/closed',
      {
        preHandler: [
          limit(app, { name: 'c', max: 5, windowMs: 60_000, key: (r) => r.ip, failClosed: true }),
        ],
      },
      () => ({ ok: true }),
    );
    await app.ready();
    apps.push(app);
    redis.disconnect();
    expect((await app.inject({ url: '/open' })).statusCode).toBe(200);
    const closed = await app.inject({ url: '/closed' });
    expect(closed.statusCode).toBe(503);
    expect(closed.json().error.code).toBe('rate_limit_unavailable');
  });
});
