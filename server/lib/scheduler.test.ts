import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../test/harness';
import { createTestDatabase, usingPostgres } from '../test/test-database';
import { openPostgres } from './db/database';
import { createLogger } from './logger';
import { Scheduler } from './scheduler';

const log = createLogger('silent');
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

describe('scheduler', () => {
  it('leads and runs its tasks now and on their interval, until stopped', async () => {
    const t = await createTestDatabase();
    drops.push(() => t.drop());
    let runs = 0;
    const scheduler = new Scheduler(t.database, log, [
      { name: 'count', everyMs: 50, run: () => Promise.resolve(void runs++) },
    ]);
    await scheduler.start();
    expect(scheduler.isLeader).toBe(true);
    await eventually(async () => (runs >= 3 ? true : undefined), 3_000);
    await scheduler.stop();
    const after = runs;
    await new Promise((r) => setTimeout(r, 150));
    expect(runs).toBe(after);
    expect(scheduler.isLeader).toBe(false);
  });

  it('keeps running when a task fails', async () => {
    const t = await createTestDatabase();
    drops.push(() => t.drop());
    let attempts = 0;
    const scheduler = new Scheduler(t.database, log, [
      {
        name: 'flaky',
        everyMs: 30,
        run: () => Promise.reject(new Error(`failure ${++attempts}`)),
      },
    ]);
    await scheduler.start();
    await eventually(async () => (attempts >= 3 ? true : undefined), 3_000);
    await scheduler.stop();
  });

  it.runIf(usingPostgres())('runs in one process only; a stand-by takes over', async () => {
    const t = await createTestDatabase();
    drops.push(() => t.drop());
    const second = await openPostgres({ url: t.url!, poolSize: 2 });
    drops.unshift(() => second.close());
    const runs = { a: 0, b: 0 };
    const a = new Scheduler(
      t.database,
      log,
      [{ name: 'a', everyMs: 40, run: async () => void runs.a++ }],
      100,
    );
    const b = new Scheduler(
      second,
      log,
      [{ name: 'b', everyMs: 40, run: async () => void runs.b++ }],
      100,
    );
    await a.start();
    await b.start();
    expect(a.isLeader).toBe(true);
    expect(b.isLeader).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(runs.b).toBe(0);
    await a.stop();
    await eventually(async () => (b.isLeader && runs.b > 0 ? true : undefined), 3_000);
    await b.stop();
  });
});
