import { type MatrixEnv, type MatrixRows, all, editable, readable } from '../../test/access-matrix';
import { competitorOfA } from '../competitors/competitors.access';

async function sourceOfA(env: MatrixEnv, competitorId: string): Promise<string> {
  const res = await env.app.inject({
    method: 'POST',
    url: `/api/v1/competitors/${competitorId}/sources`,
    headers: env.accounts.owner.headers,
    payload: { url: `https://rival.example/pricing/${Math.random().toString(36).slice(2)}` },
  });
  if (res.statusCode !== 201) throw new Error(`source: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

export const monitoringRows: MatrixRows = (env) => {
  let shared: Promise<{ competitorId: string; sourceId: string }> | undefined;
  const sharedSource = () =>
    (shared ??= competitorOfA(env).then(async (competitorId) => ({
      competitorId,
      sourceId: await sourceOfA(env, competitorId),
    })));
  return [
    {
      method: 'GET',
      url: '/api/v1/competitors/:id/sources',
      request: async () => ({
        url: `/api/v1/competitors/${(await sharedSource()).competitorId}/sources`,
      }),
      expect: readable(),
    },
    {
      method: 'POST',
      url: '/api/v1/competitors/:id/sources',
      request: async () => ({
        url: `/api/v1/competitors/${(await sharedSource()).competitorId}/sources`,
        payload: { url: `https://rival.example/${Math.random().toString(36).slice(2)}` },
      }),
      expect: editable(201),
    },
    {
      method: 'POST',
      url: '/api/v1/competitors/:id/sources/preview',
      // Loopback is refused by the safe fetcher: a clear 422, never a request.
      request: async () => ({
        url: `/api/v1/competitors/${(await sharedSource()).competitorId}/sources/preview`,
        payload: { url: 'http://127.0.0.1:9/' },
      }),
      expect: editable(422),
    },
    {
      method: 'PATCH',
      url: '/api/v1/sources/:id',
      request: async () => ({
        url: `/api/v1/sources/${(await sharedSource()).sourceId}`,
        payload: { intervalMinutes: 60 },
      }),
      expect: editable(200),
    },
    {
      method: 'POST',
      url: '/api/v1/sources/:id/check',
      request: async () => ({ url: `/api/v1/sources/${(await sharedSource()).sourceId}/check` }),
      expect: editable(202),
    },
    {
      method: 'DELETE',
      url: '/api/v1/sources/:id',
      request: async () => ({
        url: `/api/v1/sources/${await sourceOfA(env, (await sharedSource()).competitorId)}`,
      }),
      expect: editable(204),
    },
    {
      method: 'GET',
      url: '/api/v1/changes',
      request: () => Promise.resolve({ url: '/api/v1/changes?unread=true' }),
      expect: all(200),
    },
    // No API creates a change (checks do): an unknown id shows the routes need a member and
    // reveal nothing; roles on real changes are tested in monitoring.test.ts.
    ...(
      [
        ['GET', '/api/v1/changes/:id', ''],
        ['POST', '/api/v1/changes/:id/read', '/read'],
        ['DELETE', '/api/v1/changes/:id/read', '/read'],
        ['POST', '/api/v1/changes/:id/dismiss', '/dismiss'],
        ['DELETE', '/api/v1/changes/:id/dismiss', '/dismiss'],
      ] as const
    ).map(([method, url, suffix]) => ({
      method,
      url,
      request: () =>
        Promise.resolve({ url: `/api/v1/changes/00000000-0000-4000-8000-000000000000${suffix}` }),
      expect: { ...all(404), viewer: suffix === '/dismiss' ? 403 : 404 },
    })),
    {
      method: 'POST',
      url: '/api/v1/changes/:id/ignore',
      request: () =>
        Promise.resolve({
          url: '/api/v1/changes/00000000-0000-4000-8000-000000000000/ignore',
          payload: { line: 'Only 3 seats left' },
        }),
      expect: { ...all(404), viewer: 403 },
    },
    {
      method: 'GET',
      url: '/api/v1/monitoring/settings',
      request: () => Promise.resolve({ url: '/api/v1/monitoring/settings' }),
      expect: all(200),
    },
    {
      method: 'PUT',
      url: '/api/v1/monitoring/settings',
      request: () =>
        Promise.resolve({
          url: '/api/v1/monitoring/settings',
          payload: { changeAlertThreshold: 0.5 },
        }),
      expect: { anonymous: 401, viewer: 403, editor: 403, admin: 200, owner: 200, otherAdmin: 200 },
    },
  ];
};
