import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOwner, uniqueEmail } from '../../test/factories';
import { type TestApp, buildTestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ jobs: false });
});
afterAll(() => t?.close());

const attempt = (email: string, ip: string, password = 'a wrong password') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    payload: { email, password },
  });

describe('brute force', () => {
  it('throttles guesses against one account from many addresses', async () => {
    const owner = await registerOwner(t.app);
    for (let i = 0; i < 10; i++)
      expect((await attempt(owner.email, `10.20.0.${i}`)).statusCode).toBe(401);
    const blocked = await attempt(owner.email, '10.20.0.99');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
    // Even the right password waits: the limit is on attempts, not on failures.
    expect((await attempt(owner.email, '10.20.0.100', owner.password)).statusCode).toBe(429);
  });

  it('throttles one address guessing many accounts', async () => {
    for (let i = 0; i < 20; i++)
      expect((await attempt(uniqueEmail(), '10.30.0.1')).statusCode).toBe(401);
    expect((await attempt(uniqueEmail(), '10.30.0.1')).statusCode).toBe(429);
    expect((await attempt(uniqueEmail(), '10.30.0.2')).statusCode).toBe(401);
  });

  it('limits sign-ups per address', async () => {
    let last = 0;
    for (let i = 0; i < 11; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        remoteAddress: '10.40.0.1',
        payload: {
          email: uniqueEmail(),
          password: 'a fine long passphrase',
          name: 'N',
          workspaceName: 'N Co',
        },
      });
      last = res.statusCode;
    }
    expect(last).toBe(429);
  });

  it('records failed sign-ins for the admins of the account', async () => {
    const owner = await registerOwner(t.app);
    await attempt(owner.email, '10.50.0.1');
    const events = await t.app.inject({ url: '/api/v1/audit-events', headers: owner.headers });
    const failed = events
      .json()
      .items.find((e: { type: string }) => e.type === 'auth.login_failed');
    expect(failed).toMatchObject({ ip: '10.50.0.1', actor: { email: owner.email } });
  });
});

describe('per-user limit', () => {
  it('caps one person across the whole API, with Retry-After', async () => {
    const limited = await buildTestApp({
      jobs: false,
      env: { RATE_LIMIT_PER_USER_PER_MINUTE: '10' },
    });
    try {
      const owner = await registerOwner(limited.app);
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        statuses.push(
          (await limited.app.inject({ url: '/api/v1/me', headers: owner.headers })).statusCode,
        );
      }
      expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
      expect(statuses[10]).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
