import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invite } from '../../db/schema';
import { addMember, registerOwner, strongPassword, uniqueEmail } from '../../test/factories';
import { type TestApp, buildTestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ jobs: false, env: { PUBLIC_URL: 'https://ringside.example.com' } });
});
afterAll(() => t?.close());

describe('members', () => {
  it('admins manage roles below owner; the last owner stays', async () => {
    const owner = await registerOwner(t.app);
    const admin = await addMember(t.app, owner, 'admin');
    const editor = await addMember(t.app, owner, 'editor');
    const patch = (who: typeof owner, userId: string, payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/members/${userId}`,
        headers: who.headers,
        payload,
      });

    expect((await patch(admin, editor.auth.user.id, { role: 'viewer' })).json()).toMatchObject({
      role: 'viewer',
    });
    expect((await patch(admin, editor.auth.user.id, { role: 'owner' })).statusCode).toBe(403);
    expect((await patch(admin, owner.auth.user.id, { role: 'viewer' })).statusCode).toBe(403);
    expect((await patch(admin, admin.auth.user.id, { role: 'owner' })).json().error.code).toBe(
      'cannot_change_self',
    );
    expect((await patch(owner, owner.auth.user.id, { role: 'viewer' })).statusCode).toBe(403);
    // With a second owner, the first may be demoted by the second; never the last one.
    expect((await patch(owner, admin.auth.user.id, { role: 'owner' })).statusCode).toBe(200);
    expect((await patch(admin, owner.auth.user.id, { role: 'admin' })).statusCode).toBe(200);
    const last = await patch(owner, admin.auth.user.id, { status: 'disabled' });
    expect([403, 409]).toContain(last.statusCode);
    expect((await patch(admin, editor.auth.user.id, { bogus: true })).statusCode).toBe(400);
    expect((await patch(admin, crypto.randomUUID(), { role: 'viewer' })).statusCode).toBe(404);
    expect((await patch(admin, 'not-a-uuid', { role: 'viewer' })).statusCode).toBe(400);

    const events = await t.app.inject({ url: '/api/v1/audit-events', headers: admin.headers });
    const change = events
      .json()
      .items.find(
        (e: { type: string; entityId: string }) =>
          e.type === 'member.role_changed' && e.entityId === editor.auth.user.id,
      );
    expect(change).toMatchObject({
      data: { from: 'editor', to: 'viewer' },
      actor: { email: admin.email },
    });
  });

  it('disabling a member signs them out of the workspace; enabling lets them back', async () => {
    const owner = await registerOwner(t.app);
    const member = await addMember(t.app, owner, 'editor');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${member.auth.user.id}`,
      headers: owner.headers,
      payload: { status: 'disabled' },
    });
    expect((await t.app.inject({ url: '/api/v1/me', headers: member.headers })).statusCode).toBe(
      401,
    );
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: member.email, password: member.password },
    });
    expect(login.json().error.code).toBe('no_workspace');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${member.auth.user.id}`,
      headers: owner.headers,
      payload: { status: 'active' },
    });
    const back = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: member.email, password: member.password },
    });
    expect(back.statusCode).toBe(200);
  });
});

describe('invites', () => {
  it('gives a single-use link on the public URL, listed until accepted', async () => {
    const owner = await registerOwner(t.app);
    const email = uniqueEmail('invitee');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invites',
      headers: owner.headers,
      payload: { email, role: 'editor' },
    });
    expect(created.statusCode).toBe(201);
    const { token, inviteUrl, invite: dto } = created.json();
    expect(inviteUrl).toBe(`https://ringside.example.com/accept-invite?token=${token}`);
    expect(dto).toMatchObject({
      email,
      role: 'editor',
      status: 'pending',
      invitedBy: { name: 'Olivia Owner' },
    });

    const preview = await t.app.inject({ url: `/api/v1/invites/preview?token=${token}` });
    expect(preview.json()).toMatchObject({ email, role: 'editor', accountExists: false });

    const noName = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invites/accept',
      payload: { token, password: strongPassword() },
    });
    expect(noName.statusCode).toBe(400);
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invites/accept',
      payload: { token, name: 'Ivy', password: strongPassword() },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ role: 'editor', user: { email, name: 'Ivy' } });

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invites/accept',
      payload: { token, name: 'Ivy', password: strongPassword() },
    });
    expect(again.json().error.code).toBe('invite_not_found');
    const list = await t.app.inject({ url: '/api/v1/invites', headers: owner.headers });
    expect(list.json().items[0]).toMatchObject({ email, status: 'accepted' });
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invites',
      headers: owner.headers,
      payload: { email, role: 'viewer' },
    });
    expect(dup.json().error.code).toBe('already_member');
  });

  it('expires, can be revoked, and is replaced by a newer invite to the same address', async () => {
    const owner = await registerOwner(t.app);
    const email = uniqueEmail();
    const first = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/invites',
        headers: owner.headers,
        payload: { email, role: 'viewer' },
      })
    ).json();
    const second = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/invites',
        headers: owner.headers,
        payload: { email, role: 'viewer' },
      })
    ).json();
    expect(
      (await t.app.inject({ url: `/api/v1/invites/preview?token=${first.token}` })).statusCode,
    ).toBe(404);

    await t.services.database.db
      .update(invite)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invite.id, second.invite.id));
    const expired = await t.app.inject({ url: `/api/v1/invites/preview?token=${second.token}` });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('invite_expired');
    const acceptExpired = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invites/accept',
      payload: { token: second.token, name: 'X', password: strongPassword() },
    });
    expect(acceptExpired.statusCode).toBe(410);

    const third = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/invites',
        headers: owner.headers,
        payload: { email, role: 'viewer' },
      })
    ).json();
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/invites/${third.invite.id}`,
          headers: owner.headers,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ url: `/api/v1/invites/preview?token=${third.token}` })).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/invites/${third.invite.id}`,
          headers: owner.headers,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('lets only owners invite owners', async () => {
    const owner = await registerOwner(t.app);
    const admin = await addMember(t.app, owner, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invites',
      headers: admin.headers,
      payload: { email: uniqueEmail(), role: 'owner' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('API keys', () => {
  it('are shown once, work as Bearer, never exceed the owner role, and die on revoke', async () => {
    const owner = await registerOwner(t.app);
    const editor = await addMember(t.app, owner, 'editor');
    const tooHigh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: editor.headers,
      payload: { name: 'ci', role: 'admin' },
    });
    expect(tooHigh.statusCode).toBe(403);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: editor.headers,
      payload: { name: 'ci', expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { secret, apiKey } = created.json();
    expect(secret).toMatch(/^rk_[A-Za-z0-9_-]{40,}$/);
    expect(apiKey).toMatchObject({
      name: 'ci',
      role: 'editor',
      prefix: secret.slice(0, 10),
      revokedAt: null,
    });
    const list = await t.app.inject({ url: '/api/v1/api-keys', headers: editor.headers });
    expect(list.body).not.toContain(secret);

    const asKey = { authorization: `Bearer ${secret}` };
    const me = await t.app.inject({ url: '/api/v1/me', headers: asKey });
    expect(me.json()).toMatchObject({
      via: 'api_key',
      role: 'editor',
      user: { email: editor.email },
    });
    // A key cannot mint keys or act as a session.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/api-keys',
          headers: asKey,
          payload: { name: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    // Demoting the owner demotes the key at once.
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${editor.auth.user.id}`,
      headers: owner.headers,
      payload: { role: 'viewer' },
    });
    expect((await t.app.inject({ url: '/api/v1/me', headers: asKey })).json().role).toBe('viewer');

    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/api-keys/${apiKey.id}`,
          headers: editor.headers,
        })
      ).statusCode,
    ).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: asKey })).statusCode).toBe(401);
    const events = await t.app.inject({ url: '/api/v1/audit-events', headers: owner.headers });
    expect(events.json().items.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['api_key.created', 'api_key.revoked']),
    );
  });
});

describe('audit log', () => {
  it('pages newest first with a cursor', async () => {
    const owner = await registerOwner(t.app);
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/invites',
        headers: owner.headers,
        payload: { email: uniqueEmail(), role: 'viewer' },
      });
    }
    const first = await t.app.inject({
      url: '/api/v1/audit-events?limit=2',
      headers: owner.headers,
    });
    expect(first.json().items).toHaveLength(2);
    const seen = [...first.json().items];
    let cursor = first.json().nextCursor as string | null;
    while (cursor) {
      const page = await t.app.inject({
        url: `/api/v1/audit-events?limit=2&cursor=${cursor}`,
        headers: owner.headers,
      });
      seen.push(...page.json().items);
      cursor = page.json().nextCursor;
    }
    expect(seen.map((e) => e.type).filter((x) => x === 'invite.created')).toHaveLength(5);
    expect(seen.at(-1).type).toBe('auth.registered');
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    const bad = await t.app.inject({
      url: '/api/v1/audit-events?cursor=garbage',
      headers: owner.headers,
    });
    expect(bad.json().error.code).toBe('invalid_cursor');
  });
});

describe('https', () => {
  it('redirects plain http to the public https URL, except health checks', async () => {
    const res = await t.app.inject({
      url: '/api/v1/meta',
      headers: { host: 'ringside.example.com' },
    });
    expect(res.statusCode).toBe(308);
    expect(res.headers.location).toBe('https://ringside.example.com/api/v1/meta');
    expect(
      (await t.app.inject({ url: '/health', headers: { host: 'ringside.example.com' } }))
        .statusCode,
    ).toBe(200);
  });
});
