import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jobRun } from '../db/schema';
import { AppError } from '../lib/errors';
import { type TestApp, buildTestApp } from '../test/harness';

let t: TestApp;
let webRoot: string;

/** Test-only routes that exercise each error path through the real error handler. */
function testRoutes(fastify: FastifyInstance, t: () => TestApp) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/v1/test/echo',
    {
      config: { access: 'public' },
      schema: {
        body: z.strictObject({
          email: z.email(),
          tags: z.array(z.string().min(1)).max(3),
          profile: z.object({ name: z.string().min(2) }),
        }),
        querystring: z.object({ limit: z.coerce.number().int().max(100).optional() }),
      },
    },
    (request) => ({ received: request.body }),
  );
  app.get('/api/v1/test/app-error', { config: { access: 'public' } }, () => {
    throw new AppError('battlecard_not_found', 404, 'Battlecard not found.', { id: 'x' });
  });
  app.get('/api/v1/test/crash', { config: { access: 'public' } }, () => {
    throw new Error('secret internals: password=hunter2 at /srv/app.ts:12');
  });
  app.post('/api/v1/test/duplicate', { config: { access: 'public' } }, async () => {
    const { db } = t().services.database;
    const row = { kind: 'test', idempotencyKey: 'dup-key' };
    await db.insert(jobRun).values({ id: crypto.randomUUID(), ...row });
    await db.insert(jobRun).values({ id: crypto.randomUUID(), ...row });
    return { ok: true };
  });
  app.get('/api/v1/test/bad-sql', { config: { access: 'public' } }, async () => {
    await t().services.database.query('select * from no_such_table');
    return { ok: true };
  });
}

beforeAll(async () => {
  webRoot = await mkdtemp(path.join(os.tmpdir(), 'ringside-web-'));
  await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>Ringside</title>');
  t = await buildTestApp({
    webRoot,
    env: { BODY_LIMIT_BYTES: '2048' },
    configure: (app) => testRoutes(app, () => t),
  });
});
afterAll(async () => {
  await t?.close();
  await rm(webRoot, { recursive: true, force: true });
});

function expectErrorShape(body: unknown, code: string) {
  expect(body).toEqual({
    error: {
      code,
      message: expect.any(String),
      requestId: expect.any(String),
      ...((body as { error: { details?: unknown } }).error.details !== undefined
        ? { details: expect.anything() }
        : {}),
    },
  });
}

describe('error model', () => {
  it('rejects an invalid body with 400 validation_failed and the path of each bad field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      payload: {
        email: 'not-an-email',
        tags: ['', 'b', 'c', 'd'],
        profile: { name: 'x' },
        role: 'owner',
      },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expectErrorShape(body, 'validation_failed');
    const paths = (body.error.details.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.email', 'body.tags', 'body.profile.name', 'body.role']),
    );
    // Unknown fields (mass assignment) are rejected, not ignored.
    expect(body.error.details.fields).toContainEqual({
      path: 'body.role',
      message: 'is not a field this endpoint accepts',
    });
  });

  it('validates the query string too', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo?limit=1000',
      payload: { email: 'a@example.com', tags: [], profile: { name: 'Ada' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe('querystring.limit');
  });

  it('passes a valid body through', async () => {
    const payload = { email: 'a@example.com', tags: ['x'], profile: { name: 'Ada' } };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/test/echo', payload });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: payload });
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.json(), 'invalid_json');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'x',
    });
    expect(res.statusCode).toBe(415);
    expectErrorShape(res.json(), 'unsupported_media_type');
  });

  it('answers a body over the limit with 413 payload_too_large', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      payload: { email: 'a@example.com', tags: ['x'.repeat(4000)], profile: { name: 'Ada' } },
    });
    expect(res.statusCode).toBe(413);
    expectErrorShape(res.json(), 'payload_too_large');
  });

  it('passes an AppError through with its code, status and details', async () => {
    const res = await t.app.inject({ url: '/api/v1/test/app-error' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({
      code: 'battlecard_not_found',
      message: 'Battlecard not found.',
      details: { id: 'x' },
    });
  });

  it('turns a unique violation into 409 conflict', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/test/duplicate' });
    expect(res.statusCode).toBe(409);
    expectErrorShape(res.json(), 'conflict');
  });

  it('hides internals of an unexpected error behind 500 internal_error', async () => {
    for (const url of ['/api/v1/test/crash', '/api/v1/test/bad-sql']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(500);
      expectErrorShape(res.json(), 'internal_error');
      expect(res.body).not.toMatch(/hunter2|app\.ts|no_such_table|select|stack/i);
    }
  });

  it('answers an unknown API route with JSON 404 not_found, even for a browser', async () => {
    for (const url of ['/api/v1/nothing-here', '/api/nothing', '/health/nope', '/docs/nope']) {
      const res = await t.app.inject({ url, headers: { accept: 'text/html' } });
      expect(res.statusCode, url).toBe(404);
      expectErrorShape(res.json(), 'not_found');
    }
    const post = await t.app.inject({ method: 'POST', url: '/somewhere' });
    expect(post.statusCode).toBe(404);
    expectErrorShape(post.json(), 'not_found');
  });

  it('serves the web app for client-side routes', async () => {
    const res = await t.app.inject({ url: '/competitors/123', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('<title>Ringside</title>');
    const root = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('Ringside');
  });

  it('tags every response with a request id, keeping a sane one from the caller', async () => {
    const mine = 'req-1234abcd';
    const res = await t.app.inject({
      url: '/api/v1/test/app-error',
      headers: { 'x-request-id': mine },
    });
    expect(res.headers['x-request-id']).toBe(mine);
    expect(res.json().error.requestId).toBe(mine);
    const hostile = await t.app.inject({ url: '/health', headers: { 'x-request-id': 'bad\nid' } });
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers and no CORS grant to an unknown origin', async () => {
    const res = await t.app.inject({ url: '/health', headers: { origin: 'https://evil.example' } });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000; includeSubDomains/);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS', () => {
  it('grants only the configured origins', async () => {
    const app = await buildTestApp({
      env: { CORS_ORIGINS: 'https://app.example.com' },
      jobs: false,
    });
    try {
      const ok = await app.app.inject({
        url: '/health',
        headers: { origin: 'https://app.example.com' },
      });
      expect(ok.headers['access-control-allow-origin']).toBe('https://app.example.com');
      const no = await app.app.inject({
        url: '/health',
        headers: { origin: 'https://app.example.com.evil.io' },
      });
      expect(no.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
