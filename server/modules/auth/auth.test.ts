import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { user } from '../../db/schema';
import { addMember, registerOwner, strongPassword, uniqueEmail } from '../../test/factories';
import { type TestApp, buildTestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ jobs: false });
});
afterAll(() => t?.close());

describe('register and sign in', () => {
  it('registers an owner of a new workspace and sets a hardened refresh cookie', async () => {
    const email = uniqueEmail();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: {
        email: `  ${email.toUpperCase()} `,
        password: strongPassword(),
        name: 'Ada',
        workspaceName: 'Ada Co',
      },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      user: { email, name: 'Ada' },
      workspace: { name: 'Ada Co' },
      role: 'owner',
      expiresIn: 900,
    });
    const claims = decodeJwt(body.accessToken);
    expect(claims).toMatchObject({
      sub: body.user.id,
      wid: body.workspace.id,
      role: 'owner',
      aud: 'ringside-api',
    });
    expect(claims.exp! - claims.iat!).toBe(900);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    if (t.config.mode === 'embedded') {
      // inject() speaks plain http to host localhost: embedded mode allows a path-scoped cookie.
      expect(setCookie).toMatch(/^ringside_refresh=[^;]+;.*Path=\/api\/v1\/auth/);
    } else {
      // Scale mode never relaxes: always the __Host- Secure cookie.
      expect(setCookie).toMatch(/^__Host-ringside_refresh=[^;]+;.*Path=\/;.*Secure/);
    }
  });

  it('uses a __Host- Secure cookie over https', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { host: 'ringside.example.com' },
      payload: {
        email: uniqueEmail(),
        password: strongPassword(),
        name: 'Ada',
        workspaceName: 'Ada Co',
      },
    });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^__Host-ringside_refresh=/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/Path=\//);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const owner = await registerOwner(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: {
        email: owner.email.toUpperCase(),
        password: strongPassword(),
        name: 'B',
        workspaceName: 'B Co',
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('email_taken');
  });

  it('enforces password length and refuses common passwords, without composition rules', async () => {
    const attempt = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email: uniqueEmail(), password, name: 'P', workspaceName: 'P Co' },
      });
    const short = await attempt('short-pass1');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.fields[0]).toMatchObject({ path: 'body.password' });
    expect((await attempt('x'.repeat(129))).statusCode).toBe(400);
    const common = await attempt('1q2w3e4r5t6y');
    expect(common.statusCode).toBe(400);
    expect(common.json().error.code).toBe('password_too_common');
    expect((await attempt('aaaaaaaaaaaaaaaa')).json().error.code).toBe('password_too_common');
    expect((await attempt('all lowercase words are fine')).statusCode).toBe(201);
  });

  it('stores passwords as argon2id with m >= 19 MiB and t >= 2', async () => {
    const owner = await registerOwner(t.app);
    const [row] = await t.services.database.db
      .select()
      .from(user)
      .where(eq(user.email, owner.email));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('signs in; wrong email and wrong password get the same 401 in similar time', async () => {
    const owner = await registerOwner(t.app);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: owner.email, password: owner.password },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ role: 'owner', user: { email: owner.email } });

    const timed = async (email: string, ip: string) => {
      const start = performance.now();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: ip,
        payload: { email, password: 'not the password at all' },
      });
      return { res, ms: performance.now() - start };
    };
    const samples = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 5; i++) {
      const known = await timed(owner.email, `10.1.1.${i}`);
      const unknown = await timed(uniqueEmail('nobody'), `10.1.2.${i}`);
      expect(known.res.statusCode).toBe(401);
      expect(unknown.res.statusCode).toBe(401);
      expect(known.res.json().error).toMatchObject({ code: 'invalid_credentials' });
      expect(unknown.res.json().error.message).toBe(known.res.json().error.message);
      samples.known.push(known.ms);
      samples.unknown.push(unknown.ms);
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Both pay one argon2 verification (~10 ms+); without the decoy, unknown would be ~1 ms.
    expect(median(samples.unknown)).toBeGreaterThan(median(samples.known) * 0.4);
    expect(median(samples.unknown)).toBeLessThan(median(samples.known) * 2.5);
  });

  it('rejects unknown fields (mass assignment) in every auth body', async () => {
    for (const [url, payload] of [
      [
        '/api/v1/auth/register',
        {
          email: uniqueEmail(),
          password: strongPassword(),
          name: 'M',
          workspaceName: 'M Co',
          role: 'admin',
        },
      ],
      [
        '/api/v1/auth/register',
        {
          email: uniqueEmail(),
          password: strongPassword(),
          name: 'M',
          workspaceName: 'M Co',
          workspaceId: crypto.randomUUID(),
        },
      ],
      [
        '/api/v1/auth/register',
        {
          email: uniqueEmail(),
          password: strongPassword(),
          name: 'M',
          workspaceName: 'M Co',
          passwordHash: 'x',
        },
      ],
      ['/api/v1/auth/login', { email: uniqueEmail(), password: 'x', ownerId: crypto.randomUUID() }],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });
});

describe('workspaces', () => {
  it('/me lists memberships and permissions; switching moves the session', async () => {
    const owner = await registerOwner(t.app, { workspaceName: 'First' });
    const other = await registerOwner(t.app, { workspaceName: 'Second' });
    const member = await addMember(t.app, other, 'editor');
    // The owner of the first workspace joins the second as a viewer with the same account.
    const invite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invites',
      headers: other.headers,
      payload: { email: owner.email, role: 'viewer' },
    });
    const preview = await t.app.inject({
      url: `/api/v1/invites/preview?token=${invite.json().token}`,
    });
    expect(preview.json()).toMatchObject({
      accountExists: true,
      role: 'viewer',
      workspace: { name: 'Second' },
      invitedBy: 'Olivia Owner',
    });
    const wrongPassword = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invites/accept',
      payload: { token: invite.json().token, password: 'wrong password here' },
    });
    expect(wrongPassword.statusCode).toBe(401);
    const joined = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invites/accept',
      payload: { token: invite.json().token, password: owner.password },
    });
    expect(joined.statusCode).toBe(200);

    const me = await t.app.inject({ url: '/api/v1/me', headers: owner.headers });
    expect(me.json()).toMatchObject({
      role: 'owner',
      workspace: { name: 'First' },
      via: 'session',
    });
    expect(
      me
        .json()
        .memberships.map(
          (m: { workspace: { name: string }; role: string }) => `${m.workspace.name}:${m.role}`,
        ),
    ).toEqual(['First:owner', 'Second:viewer']);
    expect(me.json().permissions).toContain('members.manage');

    const switched = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/switch-workspace',
      headers: owner.headers,
      payload: { workspaceId: other.auth.workspace.id },
    });
    expect(switched.statusCode).toBe(200);
    const there = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${switched.json().accessToken}` },
    });
    expect(there.json()).toMatchObject({ role: 'viewer', workspace: { name: 'Second' } });
    expect(there.json().permissions).not.toContain('members.manage');
    // Later refreshes stay in the workspace switched to.
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: owner.cookie },
    });
    expect(decodeJwt(refreshed.json().accessToken).wid).toBe(other.auth.workspace.id);

    const notMine = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/switch-workspace',
      headers: member.headers,
      payload: { workspaceId: owner.auth.workspace.id },
    });
    expect(notMine.statusCode).toBe(403);
  });
});
