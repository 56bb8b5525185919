import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKey, refreshToken, user } from '../../db/schema';
import { addMember, registerOwner, strongPassword, uniqueEmail } from '../../test/factories';
import { CALLERS, type MatrixEnv, type MatrixRow, all } from '../../test/access-matrix';
import { areaRows } from '../../test/access-rows';
import { type TestApp, buildTestApp } from '../../test/harness';

/**
 * Every route × every kind of caller: anonymous, each role of workspace A, and an admin of
 * workspace B. A new route without a row here fails the coverage test below.
 */
let t: TestApp;
let accounts: MatrixEnv['accounts'];
const responses: LightMyRequestResponse[] = [];
const env = {} as MatrixEnv;

async function freshInvite(): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/invites',
    headers: accounts.owner.headers,
    payload: { email: uniqueEmail('pending'), role: 'viewer' },
  });
  return res.json<{ invite: { id: string } }>().invite.id;
}

async function ownerKey(): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: accounts.owner.headers,
    payload: { name: 'matrix' },
  });
  return res.json<{ apiKey: { id: string } }>().apiKey.id;
}

const ACCOUNT_ROWS: MatrixRow[] = [
  {
    method: 'GET',
    url: '/api/v1/meta',
    request: async () => ({ url: '/api/v1/meta' }),
    expect: all(200, 200),
  },
  {
    method: 'GET',
    url: '/api/v1/me',
    request: async () => ({ url: '/api/v1/me' }),
    expect: all(200),
  },
  {
    method: 'POST',
    url: '/api/v1/auth/switch-workspace',
    request: async () => ({
      url: '/api/v1/auth/switch-workspace',
      payload: { workspaceId: accounts.owner.auth.workspace.id },
    }),
    expect: { ...all(200), otherAdmin: 403 },
  },
  {
    method: 'POST',
    url: '/api/v1/me/password',
    // A wrong current password: proves the route is reachable only when signed in.
    request: async () => ({
      url: '/api/v1/me/password',
      payload: { currentPassword: 'not the right one', newPassword: strongPassword() },
    }),
    expect: all(401),
  },
  {
    method: 'GET',
    url: '/api/v1/members',
    request: async () => ({ url: '/api/v1/members' }),
    expect: all(200),
  },
  {
    method: 'PATCH',
    url: '/api/v1/members/:userId',
    request: async () => ({
      url: `/api/v1/members/${accounts.viewer.auth.user.id}`,
      payload: { role: 'viewer' },
    }),
    expect: { anonymous: 401, viewer: 403, editor: 403, admin: 200, owner: 200, otherAdmin: 404 },
  },
  {
    method: 'GET',
    url: '/api/v1/invites',
    request: async () => ({ url: '/api/v1/invites' }),
    expect: { anonymous: 401, viewer: 403, editor: 403, admin: 200, owner: 200, otherAdmin: 200 },
  },
  {
    method: 'POST',
    url: '/api/v1/invites',
    request: async () => ({
      url: '/api/v1/invites',
      payload: { email: uniqueEmail('matrix'), role: 'viewer' },
    }),
    expect: { anonymous: 401, viewer: 403, editor: 403, admin: 201, owner: 201, otherAdmin: 201 },
  },
  {
    method: 'DELETE',
    url: '/api/v1/invites/:id',
    request: async () => ({ url: `/api/v1/invites/${await freshInvite()}` }),
    expect: { anonymous: 401, viewer: 403, editor: 403, admin: 204, owner: 204, otherAdmin: 404 },
  },
  {
    method: 'GET',
    url: '/api/v1/api-keys',
    request: async () => ({ url: '/api/v1/api-keys' }),
    expect: all(200),
  },
  {
    method: 'POST',
    url: '/api/v1/api-keys',
    request: async () => ({ url: '/api/v1/api-keys', payload: { name: 'k' } }),
    expect: all(201),
  },
  {
    method: 'DELETE',
    url: '/api/v1/api-keys/:id',
    request: async () => ({ url: `/api/v1/api-keys/${await ownerKey()}` }),
    expect: { anonymous: 401, viewer: 404, editor: 404, admin: 404, owner: 204, otherAdmin: 404 },
  },
  {
    method: 'GET',
    url: '/api/v1/audit-events',
    request: async () => ({ url: '/api/v1/audit-events' }),
    expect: { anonymous: 401, viewer: 403, editor: 403, admin: 200, owner: 200, otherAdmin: 200 },
  },
];

const ROWS: MatrixRow[] = [...ACCOUNT_ROWS, ...areaRows.flatMap((rows) => rows(env))];

/** Public routes with flows of their own, tested in auth.test.ts; listed so coverage is complete. */
const PUBLIC_FLOWS = [
  'POST /api/v1/auth/register',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/auth/logout',
  'GET /api/v1/invites/preview',
  'POST /api/v1/invites/accept',
];

beforeAll(async () => {
  // The queue runs (without taking jobs): routes that answer 202 enqueue a real job.
  t = await buildTestApp({ jobs: { work: false } });
  const owner = await registerOwner(t.app, { workspaceName: 'Workspace A' });
  accounts = {
    owner,
    admin: await addMember(t.app, owner, 'admin', 'Ann Admin'),
    editor: await addMember(t.app, owner, 'editor', 'Ed Editor'),
    viewer: await addMember(t.app, owner, 'viewer', 'Vic Viewer'),
    otherAdmin: await addMember(
      t.app,
      await registerOwner(t.app, { workspaceName: 'Workspace B' }),
      'admin',
      'Oscar Other',
    ),
  };
  Object.assign(env, { app: t.app, accounts });
});
afterAll(() => t?.close());

describe('access matrix', () => {
  it('covers every /api route, and every route declares its access', () => {
    const listed = new Set([...ROWS.map((r) => `${r.method} ${r.url}`), ...PUBLIC_FLOWS]);
    const registered = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((r) => !listed.has(r))).toEqual([]);
    for (const route of t.app.apiRoutes) expect(['public', 'member']).toContain(route.access);
    for (const flow of PUBLIC_FLOWS) {
      expect(t.app.apiRoutes.find((r) => `${r.method} ${r.url}` === flow)?.access).toBe('public');
    }
  });

  for (const row of ROWS) {
    it(`${row.method} ${row.url}`, async () => {
      const unexpected: string[] = [];
      for (const caller of CALLERS) {
        const { url, payload } = await row.request(caller);
        const res = await t.app.inject({
          method: row.method as 'GET',
          url,
          ...(payload === undefined ? {} : { payload: payload as object }),
          headers: caller === 'anonymous' ? {} : accounts[caller].headers,
        });
        responses.push(res);
        if (res.statusCode !== row.expect[caller]) {
          unexpected.push(
            `${caller}: expected ${row.expect[caller]}, got ${res.statusCode} ${res.body.slice(0, 200)}`,
          );
        }
      }
      expect(unexpected).toEqual([]);
    });
  }

  it('never shows workspace A to the admin of workspace B', async () => {
    const members = await t.app.inject({
      url: '/api/v1/members',
      headers: accounts.otherAdmin.headers,
    });
    expect(members.body).not.toContain(accounts.owner.email);
    const audit = await t.app.inject({
      url: '/api/v1/audit-events',
      headers: accounts.otherAdmin.headers,
    });
    expect(audit.body).not.toContain(accounts.owner.auth.workspace.id);
  });

  it('applies a role change on the very next request', async () => {
    const promoted = await addMember(t.app, accounts.owner, 'viewer', 'Pat Promoted');
    const before = await t.app.inject({ url: '/api/v1/invites', headers: promoted.headers });
    expect(before.statusCode).toBe(403);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${promoted.auth.user.id}`,
      headers: accounts.owner.headers,
      payload: { role: 'admin' },
    });
    const after = await t.app.inject({ url: '/api/v1/invites', headers: promoted.headers });
    expect(after.statusCode).toBe(200);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${promoted.auth.user.id}`,
      headers: accounts.owner.headers,
      payload: { status: 'disabled' },
    });
    const disabled = await t.app.inject({ url: '/api/v1/me', headers: promoted.headers });
    expect([401, 403]).toContain(disabled.statusCode);
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: promoted.cookie },
    });
    expect(refresh.statusCode).toBe(401);
  });

  it('no response carries a password hash, a token hash or a secret', async () => {
    const { db } = t.services.database;
    const secrets = [
      t.config.secrets.jwtSecret,
      ...(await db.select({ h: user.passwordHash }).from(user)).map((r) => r.h),
      ...(await db.select({ h: refreshToken.tokenHash }).from(refreshToken)).map((r) => r.h),
      ...(await db.select({ h: apiKey.keyHash }).from(apiKey)).map((r) => r.h),
    ];
    expect(responses.length).toBeGreaterThan(50);
    for (const res of responses) {
      expect(res.body).not.toMatch(/\$argon2|passwordHash|password_hash|tokenHash|keyHash/);
      for (const secret of secrets) expect(res.body.includes(secret)).toBe(false);
    }
  });
});
