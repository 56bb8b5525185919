import { createHmac, generateKeyPairSync } from 'node:crypto';
import { SignJWT, exportJWK, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, registerOwner } from '../../test/factories';
import { type TestApp, buildTestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ jobs: false });
});
afterAll(() => t?.close());

const b64 = (v: unknown) =>
  Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** A token signed with the server's real secret but with the given header and claims. */
function hs256(secret: string, header: object, claims: object): string {
  const unsigned = `${b64(header)}.${b64(claims)}`;
  const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

describe('forged access tokens', () => {
  it('are all refused with 401', async () => {
    const owner = await registerOwner(t.app);
    const secret = t.config.secrets.jwtSecret;
    const good = JSON.parse(
      Buffer.from(owner.accessToken.split('.')[1]!, 'base64url').toString(),
    ) as Record<string, unknown>;
    const header = { alg: 'HS256', typ: 'at+jwt' };
    const now = Math.floor(Date.now() / 1000);
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rsaPrivate = await importJWK(await exportJWK(privateKey), 'RS256');
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

    const refresh = owner.cookie.split('=')[1]!;
    const cases: [string, string][] = [
      ['alg none', `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64(good)}.`],
      ['alg none, empty signature dot-less', `${b64({ alg: 'none' })}.${b64(good)}`],
      ['wrong key', hs256('another-secret-of-plenty-length-000000', header, good)],
      ['HS/RS confusion: HS256 signed with an RSA public key', hs256(publicPem, header, good)],
      [
        'RS256 with a foreign key',
        await new SignJWT(good)
          .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt' })
          .sign(rsaPrivate),
      ],
      ['expired', hs256(secret, header, { ...good, iat: now - 3600, exp: now - 60 })],
      ['wrong audience', hs256(secret, header, { ...good, aud: 'another-api' })],
      ['wrong issuer', hs256(secret, header, { ...good, iss: 'https://evil.example' })],
      ['wrong typ', hs256(secret, { alg: 'HS256', typ: 'JWT' }, good)],
      ['no typ', hs256(secret, { alg: 'HS256' }, good)],
      [
        'HS512',
        (() => {
          const unsigned = `${b64({ alg: 'HS512', typ: 'at+jwt' })}.${b64(good)}`;
          return `${unsigned}.${createHmac('sha512', secret).update(unsigned).digest('base64url')}`;
        })(),
      ],
      [
        'tampered role',
        `${owner.accessToken.split('.')[0]}.${b64({ ...good, role: 'owner', wid: crypto.randomUUID() })}.${owner.accessToken.split('.')[2]}`,
      ],
      ['missing exp', hs256(secret, header, { ...good, exp: undefined })],
      ['refresh token used as access token', refresh],
      ['garbage', 'not.a.token'],
      ['empty bearer', ''],
    ];
    for (const [name, token] of cases) {
      const res = await t.app.inject({
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.statusCode, name).toBe(401);
      expect(res.json().error.code, name).toBe('unauthenticated');
    }
    // Not a Bearer scheme at all.
    const basic = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Basic ${b64('a:b')}` },
    });
    expect(basic.statusCode).toBe(401);
    expect(basic.headers['www-authenticate']).toBe('Bearer');
    // The genuine token still works: the cases above failed for their forgery, not by accident.
    expect((await t.app.inject({ url: '/api/v1/me', headers: owner.headers })).statusCode).toBe(
      200,
    );
  });
});

/**
 * Verified tokens are remembered (by their exact text) so a busy client is not re-verified on
 * every request. What must not change: expiry, sign-out and disabling still apply at once.
 */
describe('a token already verified', () => {
  const me = (token: string) =>
    t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

  it('still expires on time', async () => {
    const owner = await registerOwner(t.app);
    const claims = JSON.parse(
      Buffer.from(owner.accessToken.split('.')[1]!, 'base64url').toString(),
    ) as Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    const token = hs256(
      t.config.secrets.jwtSecret,
      { alg: 'HS256', typ: 'at+jwt' },
      { ...claims, iat: now, exp: now + 2 },
    );
    expect((await me(token)).statusCode).toBe(200);
    expect((await me(token)).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, (now + 2) * 1000 - Date.now() + 50));
    expect((await me(token)).statusCode).toBe(401);
  });

  it('loses access on the next request after sign-out or disabling', async () => {
    const owner = await registerOwner(t.app);
    const member = await addMember(t.app, owner, 'viewer');
    expect((await me(member.accessToken)).statusCode).toBe(200);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${member.auth.user.id}`,
      headers: owner.headers,
      payload: { status: 'disabled' },
    });
    expect((await me(member.accessToken)).statusCode).toBe(401);

    expect((await me(owner.accessToken)).statusCode).toBe(200);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...owner.headers, cookie: owner.cookie },
    });
    expect(out.statusCode).toBe(204);
    expect((await me(owner.accessToken)).statusCode).toBe(401);
  });
});
