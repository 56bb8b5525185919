import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Account,
  login,
  refreshCookieOf,
  registerOwner,
  strongPassword,
} from '../../test/factories';
import { type TestApp, buildTestApp } from '../../test/harness';

/**
 * Sessions: refresh tokens rotate, a reused one ends its family, signing out or changing the
 * password ends sessions.
 */
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ jobs: false });
});
afterAll(() => t?.close());

/** Both the access token and the refresh cookie are refused: the session is over. */
async function expectSignedOut(who: Account) {
  expect((await t.app.inject({ url: '/api/v1/me', headers: who.headers })).statusCode).toBe(401);
  const refresh = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    headers: { cookie: who.cookie },
  });
  expect(refresh.statusCode).toBe(401);
}

describe('refresh tokens', () => {
  it('rotate on every refresh; the new access token works', async () => {
    const owner = await registerOwner(t.app);
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: owner.cookie },
    });
    expect(first.statusCode).toBe(200);
    const rotated = refreshCookieOf(first);
    expect(rotated).not.toBe(owner.cookie);
    const me = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${first.json().accessToken}` },
    });
    expect(me.statusCode).toBe(200);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: rotated },
    });
    expect(second.statusCode).toBe(200);
  });

  it('reusing a rotated token revokes the whole family', async () => {
    const owner = await registerOwner(t.app);
    const a = owner.cookie;
    const toB = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: a },
    });
    const b = refreshCookieOf(toB);
    const reuse = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: a },
    });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error.code).toBe('invalid_refresh_token');
    const withB = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: b },
    });
    expect(withB.statusCode).toBe(401);
    // The access token of that family is dead too.
    const me = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${toB.json().accessToken}` },
    });
    expect(me.statusCode).toBe(401);
    const audit = await t.app.inject({ url: '/api/v1/audit-events', headers: owner.headers });
    expect(audit.statusCode).toBe(401); // owner's own session was that family
    const again = await login(t.app, owner);
    const events = await t.app.inject({ url: '/api/v1/audit-events', headers: again.headers });
    expect(events.json().items.map((e: { type: string }) => e.type)).toContain(
      'auth.refresh_reuse',
    );
  });

  it('20 parallel refreshes with one token give exactly one success', async () => {
    const owner = await registerOwner(t.app);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/refresh',
          remoteAddress: `10.3.0.${i}`,
          headers: { cookie: owner.cookie },
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 401)).toHaveLength(19);
  });

  it('refuses a missing or made-up token', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh' })).statusCode).toBe(
      401,
    );
    const fake = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: 'ringside_refresh=forged-token-value' },
    });
    expect(fake.statusCode).toBe(401);
  });

  it('logout ends the session for both tokens', async () => {
    const owner = await registerOwner(t.app);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...owner.headers, cookie: owner.cookie },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/ringside_refresh=;/);
    await expectSignedOut(owner);
    // Signing out twice is harmless.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(
      204,
    );
  });

  it('a password change signs out every other device', async () => {
    const owner = await registerOwner(t.app);
    const laptop = await login(t.app, owner);
    const newPassword = strongPassword();
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: owner.headers,
      payload: { currentPassword: 'not it at all', newPassword },
    });
    expect(wrong.statusCode).toBe(401);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: owner.headers,
      payload: { currentPassword: owner.password, newPassword },
    });
    expect(changed.statusCode).toBe(200);
    await expectSignedOut(laptop);
    const fresh = changed.json().accessToken as string;
    expect(
      (await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${fresh}` } }))
        .statusCode,
    ).toBe(200);
    expect((await login(t.app, { email: owner.email, password: newPassword })).auth.role).toBe(
      'owner',
    );
  });
});
