/**
 * The database failing or overloaded answers 503 with Retry-After and a stable code, never 500:
 * real node-postgres errors, raised by a real pool, through the real error handler.
 */
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, buildTestApp } from '../test/harness';

const databaseUrl = process.env.DATABASE_URL;
let t: TestApp;
let closedPort: number;
const pools: pg.Pool[] = [];
const held: pg.PoolClient[] = [];

function pool(options: pg.PoolConfig): pg.Pool {
  const p = new pg.Pool(options);
  p.on('error', () => {});
  pools.push(p);
  return p;
}

beforeAll(async () => {
  // A port nobody listens on: a connection there is refused at once.
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));

  t = await buildTestApp({
    configure: (app) => {
      app.get('/api/v1/test/db-refused', { config: { access: 'public' } }, async () => {
        const away = pool({ host: '127.0.0.1', port: closedPort, connectionTimeoutMillis: 2_000 });
        await away.query('select 1');
        return { ok: true };
      });
      if (!databaseUrl) return;
      app.get('/api/v1/test/db-pool-busy', { config: { access: 'public' } }, async () => {
        const busy = pool({ connectionString: databaseUrl, max: 1, connectionTimeoutMillis: 200 });
        held.push(await busy.connect());
        await busy.query('select 1'); // waits for the one connection, which stays taken
        return { ok: true };
      });
      app.get('/api/v1/test/db-statement-timeout', { config: { access: 'public' } }, async () => {
        const slow = pool({ connectionString: databaseUrl, max: 1, statement_timeout: 50 });
        await slow.query('select pg_sleep(2)');
        return { ok: true };
      });
    },
  });
});

afterAll(async () => {
  for (const client of held) client.release();
  await Promise.all(pools.map((p) => p.end()));
  await t?.close();
});

async function expect503(url: string, code: string) {
  const res = await t.app.inject({ url });
  expect(res.statusCode).toBe(503);
  expect(res.headers['retry-after']).toBe('5');
  expect(res.json()).toMatchObject({ error: { code, requestId: expect.any(String) } });
  expect(res.body).not.toMatch(/ECONNREFUSED|timeout exceeded|pg_sleep|127\.0\.0\.1/);
}

describe('database errors', () => {
  it('answers 503 database_unavailable when PostgreSQL refuses the connection', async () => {
    await expect503('/api/v1/test/db-refused', 'database_unavailable');
  });

  it.skipIf(!databaseUrl)(
    'answers 503 database_busy when no pooled connection frees up in time',
    async () => {
      await expect503('/api/v1/test/db-pool-busy', 'database_busy');
    },
  );

  it.skipIf(!databaseUrl)('answers 503 database_busy when a statement times out', async () => {
    await expect503('/api/v1/test/db-statement-timeout', 'database_busy');
  });
});
