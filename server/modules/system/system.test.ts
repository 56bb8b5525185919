import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DetailedHealthSchema } from '../../../common/system';
import { type TestApp, buildTestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t?.close());

describe('health', () => {
  it('/health says the process is alive', async () => {
    const res = await t.app.inject({ url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/health/ready is 200 when the database answers and is migrated', async () => {
    const res = await t.app.inject({ url: '/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });

  it('/health/detailed reports every dependency', async () => {
    const res = await t.app.inject({ url: '/health/detailed' });
    expect(res.statusCode).toBe(200);
    const health = DetailedHealthSchema.parse(res.json());
    const redis = Boolean(process.env.REDIS_URL);
    expect(health).toMatchObject({
      status: 'healthy',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      mode: process.env.DATABASE_URL ? 'scale' : 'embedded',
      checks: {
        database: { status: 'up', kind: process.env.DATABASE_URL ? 'postgres' : 'pglite' },
        migrations: { status: 'up' },
        cache: { status: 'up', kind: redis ? 'redis' : 'memory' },
        pubsub: { status: 'up', kind: redis ? 'redis' : 'memory' },
        queue: { status: 'up' },
        ai: { status: 'up', engine: 'local', provider: 'local' },
      },
    });
    expect(health.checks.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('/api/v1/meta tells the web app about this server', async () => {
    const res = await t.app.inject({ url: '/api/v1/meta' });
    expect(res.json()).toEqual({
      name: 'Ringside',
      version: expect.any(String),
      mode: process.env.DATABASE_URL ? 'scale' : 'embedded',
      signupAllowed: true,
    });
  });

  it('/metrics labels requests by route template and exposes process and queue metrics', async () => {
    await t.app.inject({ url: '/api/v1/no/such/route/123' });
    await t.app.inject({ url: '/health/ready' });
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.body).toMatch(
      /ringside_http_requests_total\{method="GET",route="\/health\/ready",status_code="200"\} \d+/,
    );
    expect(res.body).toContain('route="unmatched",status_code="404"');
    expect(res.body).not.toContain('/no/such/route/123');
    expect(res.body).toContain('ringside_http_request_duration_seconds_bucket');
    expect(res.body).toContain('ringside_process_cpu_seconds_total');
    expect(res.body).toContain('ringside_queue_depth');
    expect(res.body).toContain('# TYPE ringside_cache_operations_total counter');
  });

  it('/docs serves the OpenAPI description of the API', async () => {
    const res = await t.app.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/health', '/health/ready', '/health/detailed', '/api/v1/meta']),
    );
    const ui = await t.app.inject({ url: '/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });
});

describe('health when dependencies fail', () => {
  it('is not ready while migrations are pending', async () => {
    const app = await buildTestApp({ jobs: false });
    try {
      await app.services.database.query('delete from drizzle.__drizzle_migrations');
      const ready = await app.app.inject({ url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({
        status: 'not_ready',
        reason: expect.stringMatching(/migrations pending: 0 of \d+/),
      });
      const detailed = await app.app.inject({ url: '/health/detailed' });
      expect(detailed.statusCode).toBe(503);
      expect(detailed.json()).toMatchObject({
        status: 'unhealthy',
        checks: { migrations: { status: 'down', applied: 0 } },
      });
    } finally {
      await app.close();
    }
  });

  it('is unhealthy and not ready when the database is gone, and still answers', async () => {
    const app = await buildTestApp({ jobs: false });
    try {
      await app.services.database.close();
      const ready = await app.app.inject({ url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().reason).toMatch(/database unreachable/);
      const detailed = await app.app.inject({ url: '/health/detailed' });
      expect(detailed.statusCode).toBe(503);
      expect(detailed.json()).toMatchObject({
        status: 'unhealthy',
        checks: { database: { status: 'down' } },
      });
      expect((await app.app.inject({ url: '/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it.runIf(process.env.REDIS_URL)('is degraded, still serving, while Redis is away', async () => {
    const app = await buildTestApp({ jobs: false });
    try {
      app.services.redis!.disconnect();
      const detailed = await app.app.inject({ url: '/health/detailed' });
      expect(detailed.statusCode).toBe(200);
      expect(detailed.json()).toMatchObject({
        status: 'degraded',
        checks: {
          database: { status: 'up' },
          cache: { status: 'down' },
          pubsub: { status: 'down' },
        },
      });
      expect((await app.app.inject({ url: '/health/ready' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
