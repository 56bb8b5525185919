import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { randomRedisPrefix } from '../../services';
import { eventually } from '../../test/harness';
import { connectRedis } from '../redis';
import { createMemoryPubSub } from './memory-pubsub';
import type { PubSub } from './pubsub';
import { createRedisPubSub } from './redis-pubsub';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const redisUrl = process.env.REDIS_URL;
const open: { close(): Promise<void> }[] = [];
const connections: Redis[] = [];
afterAll(async () => {
  for (const p of open) await p.close();
  await Promise.all(connections.map((r) => r.quit()));
});

async function redisPubSub(prefix: string): Promise<PubSub> {
  const redis = await connectRedis(redisUrl!);
  connections.push(redis);
  const pubsub = await createRedisPubSub(redis, prefix);
  open.push(pubsub);
  return pubsub;
}

const implementations: [string, () => Promise<PubSub>][] = [
  ['memory', () => Promise.resolve(createMemoryPubSub())],
];
if (redisUrl) implementations.push(['redis', () => redisPubSub(randomRedisPrefix())]);

describe.each(implementations)('pub/sub contract: %s', (_name, make) => {
  it('delivers a message to every subscriber of its channel, and to no other channel', async () => {
    const pubsub = await make();
    const a: unknown[] = [];
    const b: unknown[] = [];
    const other: unknown[] = [];
    await pubsub.subscribe('events', (m) => a.push(m));
    await pubsub.subscribe('events', (m) => b.push(m));
    await pubsub.subscribe('elsewhere', (m) => other.push(m));
    await pubsub.publish('events', { type: 'job.progress', id: 'j1', data: { progress: 40 } });
    await eventually(async () => (a.length === 1 && b.length === 1 ? true : undefined), 3_000);
    expect(a[0]).toEqual({ type: 'job.progress', id: 'j1', data: { progress: 40 } });
    await sleep(50);
    expect(other).toEqual([]);
  });

  it('delivers JSON: dates become strings, objects are copies', async () => {
    const pubsub = await make();
    const got: unknown[] = [];
    await pubsub.subscribe('json', (m) => got.push(m));
    const message = { at: new Date('2026-01-02T03:04:05.000Z'), list: [1] };
    await pubsub.publish('json', message);
    await eventually(async () => (got.length ? true : undefined), 3_000);
    expect(got[0]).toEqual({ at: '2026-01-02T03:04:05.000Z', list: [1] });
    expect(got[0]).not.toBe(message);
  });

  it('stops delivering after unsubscribe, keeping the other subscribers', async () => {
    const pubsub = await make();
    const kept: unknown[] = [];
    const dropped: unknown[] = [];
    await pubsub.subscribe('u', (m) => kept.push(m));
    const unsubscribe = await pubsub.subscribe('u', (m) => dropped.push(m));
    await unsubscribe();
    await pubsub.publish('u', 1);
    await eventually(async () => (kept.length ? true : undefined), 3_000);
    await sleep(50);
    expect(dropped).toEqual([]);
  });

  it('keeps delivering when one handler throws', async () => {
    const pubsub = await make();
    const got: unknown[] = [];
    await pubsub.subscribe('t', () => {
      throw new Error('a broken subscriber');
    });
    await pubsub.subscribe('t', (m) => got.push(m));
    await pubsub.publish('t', 'still here');
    await eventually(async () => (got.length ? true : undefined), 3_000);
    expect(got).toEqual(['still here']);
  });

  it('answers ping', async () => {
    await expect((await make()).ping()).resolves.toBeUndefined();
  });
});

describe.runIf(redisUrl)('redis pub/sub across processes', () => {
  it('fans a message out to subscribers on other connections with the same prefix only', async () => {
    const prefix = randomRedisPrefix();
    const apiOne = await redisPubSub(prefix);
    const apiTwo = await redisPubSub(prefix);
    const otherDeployment = await redisPubSub(randomRedisPrefix());
    const one: unknown[] = [];
    const two: unknown[] = [];
    const foreign: unknown[] = [];
    await apiOne.subscribe('events', (m) => one.push(m));
    await apiTwo.subscribe('events', (m) => two.push(m));
    await otherDeployment.subscribe('events', (m) => foreign.push(m));
    const worker = await redisPubSub(prefix);
    await worker.publish('events', { type: 'change.detected' });
    await eventually(async () => (one.length && two.length ? true : undefined), 3_000);
    await sleep(100);
    expect(foreign).toEqual([]);
  });
});
