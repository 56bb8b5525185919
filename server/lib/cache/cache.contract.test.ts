import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { randomRedisPrefix } from '../../services';
import { connectRedis } from '../redis';
import { type Cache, cached } from './cache';
import { createMemoryCache } from './memory-cache';
import { createRedisCache } from './redis-cache';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const redisUrl = process.env.REDIS_URL;
const connections: Redis[] = [];
afterAll(() => Promise.all(connections.map((r) => r.quit())));

const implementations: [string, () => Promise<Cache>][] = [
  ['memory', () => Promise.resolve(createMemoryCache())],
];
if (redisUrl) {
  implementations.push([
    'redis',
    async () => {
      const redis = await connectRedis(redisUrl);
      connections.push(redis);
      return createRedisCache(redis, randomRedisPrefix());
    },
  ]);
}

describe.each(implementations)('cache contract: %s', (_name, make) => {
  it('returns what was set, as a copy, and undefined for a miss', async () => {
    const cache = await make();
    const value = { title: 'Acme vs us', claims: [1, 2, 3], nested: { ok: true } };
    await cache.set('card:1', value, 10_000);
    const got = await cache.get<typeof value>('card:1');
    expect(got).toEqual(value);
    expect(got).not.toBe(value);
    expect(await cache.get('card:missing')).toBeUndefined();
    const stats = cache.stats();
    expect(stats.hits).toBe(1);
    expect(stats.misses).toBe(1);
  });

  it('hands strings back exactly, whatever they look like', async () => {
    const cache = await make();
    const strings = ['', '{"a":1}', '"quoted"', '42', 'null', '\u0000lead', 'plain é 😀'];
    for (const [i, text] of strings.entries()) await cache.set(`s:${i}`, text, 10_000);
    for (const [i, text] of strings.entries()) expect(await cache.get(`s:${i}`)).toBe(text);
    // Numbers and objects still come back as what they were, not as text.
    await cache.set('n', 42, 10_000);
    expect(await cache.get('n')).toBe(42);
  });

  it('forgets an entry after its time to live', async () => {
    const cache = await make();
    await cache.set('short', 'lived', 60);
    expect(await cache.get('short')).toBe('lived');
    await sleep(120);
    expect(await cache.get('short')).toBeUndefined();
  });

  it('deletes one or several keys', async () => {
    const cache = await make();
    await cache.set('a', 1, 10_000);
    await cache.set('b', 2, 10_000);
    await cache.set('c', 3, 10_000);
    await cache.delete('a', 'b');
    await cache.delete();
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('c')).toBe(3);
  });

  it('stores falsy values distinctly from a miss', async () => {
    const cache = await make();
    await cache.set('zero', 0, 10_000);
    await cache.set('empty', '', 10_000);
    await cache.set('null', null, 10_000);
    expect(await cache.get('zero')).toBe(0);
    expect(await cache.get('empty')).toBe('');
    expect(await cache.get('null')).toBeNull();
  });

  it('reads through: loads once, then serves the cached value', async () => {
    const cache = await make();
    let loads = 0;
    const load = () => Promise.resolve({ n: ++loads });
    expect(await cached(cache, 'rt', 10_000, load)).toEqual({ n: 1 });
    expect(await cached(cache, 'rt', 10_000, load)).toEqual({ n: 1 });
    expect(loads).toBe(1);
  });

  it('answers ping while its backend is up', async () => {
    const cache = await make();
    await expect(cache.ping()).resolves.toBeUndefined();
  });
});

describe.runIf(redisUrl)('redis cache when Redis is away', () => {
  it('degrades to misses and no-ops, and ping reports the outage', async () => {
    const redis = await connectRedis(redisUrl!);
    const cache = createRedisCache(redis, randomRedisPrefix());
    await cache.set('k', 'v', 10_000);
    redis.disconnect();
    expect(await cache.get('k')).toBeUndefined();
    await expect(cache.set('k2', 'v', 10_000)).resolves.toBeUndefined();
    await expect(cache.ping()).rejects.toThrow();
    expect(cache.stats().errors).toBeGreaterThanOrEqual(2);
  });
});
