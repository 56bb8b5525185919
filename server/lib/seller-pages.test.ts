import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, registerOwner } from '../test/factories';
import { type TestApp, buildTestApp } from '../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ jobs: false });
});
afterAll(() => t?.close());

describe('list pages cached for sellers', () => {
  it('show a write on the very next list, and match what editors are answered', async () => {
    const owner = await registerOwner(t.app);
    const viewer = await addMember(t.app, owner, 'viewer');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/competitors',
      headers: owner.headers,
      payload: { name: 'Acme Desk' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const names = async (headers: Record<string, string>) => {
      const res = await t.app.inject({ url: '/api/v1/competitors?limit=20', headers });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      return res.json<{ items: { name: string }[] }>().items.map((c) => c.name);
    };
    expect(await names(viewer.headers)).toEqual(['Acme Desk']);
    expect(await names(viewer.headers)).toEqual(['Acme Desk']); // from the cache
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/competitors/${id}`,
      headers: owner.headers,
      payload: { name: 'Acme Helpdesk' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(await names(viewer.headers)).toEqual(['Acme Helpdesk']);
    // The cached page is the same document the uncached path answers.
    const forViewer = await t.app.inject({
      url: '/api/v1/competitors?limit=20',
      headers: viewer.headers,
    });
    const forOwner = await t.app.inject({
      url: '/api/v1/competitors?limit=20',
      headers: owner.headers,
    });
    expect(forViewer.json()).toEqual(forOwner.json());
    // Another workspace's seller never gets this page.
    const other = await registerOwner(t.app);
    const stranger = await addMember(t.app, other, 'viewer');
    expect(await names(stranger.headers)).toEqual([]);
  });
});
