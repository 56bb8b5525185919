import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { event } from '../../db/schema';
import { addMember, registerOwner } from '../../test/factories';
import { fieldsOf, useTestApp } from '../../test/test-app';

/**
 * The noise rules of a workspace: one importance threshold and the muted change classes,
 * read by every member and changed by admins. The older /monitoring/settings route is the
 * same threshold under another name.
 */
const t = useTestApp({});

const SETTINGS = '/api/v1/workspaces/current/notification-settings';
const MONITORING = '/api/v1/monitoring/settings';

it('reads the defaults, changes one rule without touching the other, and records who did', async () => {
  const owner = await registerOwner(t.app);
  expect((await t.call(owner, 'GET', SETTINGS)).json()).toEqual({
    changeAlertThreshold: 0.4,
    mutedClasses: [],
  });
  await t.call(owner, 'PATCH', SETTINGS, { mutedClasses: ['hiring', 'news'] });
  const res = await t.call(owner, 'PATCH', SETTINGS, { changeAlertThreshold: 0.7 });
  expect(res.json()).toEqual({ changeAlertThreshold: 0.7, mutedClasses: ['hiring', 'news'] });
  const recorded = await t
    .db()
    .select({ actorId: event.actorId })
    .from(event)
    .where(
      and(
        eq(event.workspaceId, owner.auth.workspace.id),
        eq(event.type, 'notifications.settings_updated'),
      ),
    );
  expect(recorded).toEqual([{ actorId: owner.auth.user.id }, { actorId: owner.auth.user.id }]);
});

it('the deprecated monitoring route reads and writes the same threshold', async () => {
  const owner = await registerOwner(t.app);
  await t.call(owner, 'PATCH', SETTINGS, { changeAlertThreshold: 0.25, mutedClasses: ['news'] });
  expect((await t.call(owner, 'GET', MONITORING)).json()).toEqual({ changeAlertThreshold: 0.25 });
  const put = await t.call(owner, 'PUT', MONITORING, { changeAlertThreshold: 0.9 });
  expect(put.json()).toEqual({ changeAlertThreshold: 0.9 });
  expect((await t.call(owner, 'GET', SETTINGS)).json()).toEqual({
    changeAlertThreshold: 0.9,
    mutedClasses: ['news'],
  });
  const doc = (await t.app.inject({ url: '/docs/json' })).json<{
    paths: Record<string, Record<string, { deprecated?: boolean }>>;
  }>();
  expect(doc.paths[MONITORING]?.get?.deprecated).toBe(true);
  expect(doc.paths[MONITORING]?.put?.deprecated).toBe(true);
  expect(doc.paths[SETTINGS]?.patch?.deprecated).toBeUndefined();
});

it('members read, only admins change, and another workspace is untouched', async () => {
  const owner = await registerOwner(t.app);
  const stranger = await registerOwner(t.app);
  for (const role of ['viewer', 'editor'] as const) {
    const member = await addMember(t.app, owner, role);
    expect((await t.call(member, 'GET', SETTINGS)).statusCode).toBe(200);
    const patch = await t.call(member, 'PATCH', SETTINGS, { mutedClasses: [] });
    expect(patch.statusCode).toBe(403);
    expect((await t.call(member, 'PUT', MONITORING, { changeAlertThreshold: 0 })).statusCode).toBe(
      403,
    );
  }
  const admin = await addMember(t.app, owner, 'admin');
  await t.call(admin, 'PATCH', SETTINGS, { changeAlertThreshold: 0.1 });
  expect((await t.call(owner, 'GET', SETTINGS)).json()).toMatchObject({
    changeAlertThreshold: 0.1,
  });
  expect((await t.call(stranger, 'GET', SETTINGS)).json()).toMatchObject({
    changeAlertThreshold: 0.4,
  });
});

it('bad input is a 400 naming the fields, and changes nothing', async () => {
  const owner = await registerOwner(t.app);
  const bad = await t.call(owner, 'PATCH', SETTINGS, {
    changeAlertThreshold: 2,
    mutedClasses: ['pricing', 'gossip'],
  });
  expect(bad.statusCode).toBe(400);
  expect(fieldsOf(bad).sort()).toEqual(['body.changeAlertThreshold', 'body.mutedClasses.1']);
  const old = await t.call(owner, 'PUT', MONITORING, { changeAlertThreshold: -1 });
  expect(old.statusCode).toBe(400);
  expect(fieldsOf(old)).toEqual(['body.changeAlertThreshold']);
  expect((await t.call(owner, 'GET', SETTINGS)).json()).toEqual({
    changeAlertThreshold: 0.4,
    mutedClasses: [],
  });
});
