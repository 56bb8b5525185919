import {
  type Caller,
  type MatrixEnv,
  type MatrixRows,
  all,
  readable,
} from '../../test/access-matrix';

/** Admin-only rows of workspace A: editors and viewers 403, B's admin 404 (`other` for lists). */
const adminOnly = (status: number, other = 404): Record<Caller, number> => ({
  anonymous: 401,
  viewer: 403,
  editor: 403,
  admin: status,
  owner: status,
  otherAdmin: other,
});

async function webhookOfA(env: MatrixEnv): Promise<string> {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/webhooks',
    headers: env.accounts.owner.headers,
    // Loopback: the safe fetcher refuses it, so a test send answers at once without a request.
    payload: { name: 'Matrix hook', url: 'http://127.0.0.1:9/hook', format: 'generic' },
  });
  if (res.statusCode !== 201) throw new Error(`webhook: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

export const notificationRows: MatrixRows = (env) => {
  let shared: Promise<string> | undefined;
  const sharedHook = () => (shared ??= webhookOfA(env));
  const hookUrl = async (suffix = '') => ({
    url: `/api/v1/webhooks/${await sharedHook()}${suffix}`,
  });
  return [
    {
      method: 'GET',
      url: '/api/v1/webhooks',
      request: () => Promise.resolve({ url: '/api/v1/webhooks' }),
      expect: adminOnly(200, 200),
    },
    {
      method: 'POST',
      url: '/api/v1/webhooks',
      request: () =>
        Promise.resolve({
          url: '/api/v1/webhooks',
          payload: { name: 'Hook', url: 'https://hooks.example/in', format: 'slack' },
        }),
      expect: adminOnly(201, 201),
    },
    {
      method: 'GET',
      url: '/api/v1/webhooks/:id',
      request: () => hookUrl(),
      expect: adminOnly(200),
    },
    {
      method: 'PATCH',
      url: '/api/v1/webhooks/:id',
      request: async () => ({ ...(await hookUrl()), payload: { name: 'Renamed hook' } }),
      expect: adminOnly(200),
    },
    {
      method: 'DELETE',
      url: '/api/v1/webhooks/:id',
      request: async () => ({ url: `/api/v1/webhooks/${await webhookOfA(env)}` }),
      expect: adminOnly(204),
    },
    {
      method: 'POST',
      url: '/api/v1/webhooks/:id/rotate-secret',
      request: () => hookUrl('/rotate-secret'),
      expect: adminOnly(200),
    },
    {
      method: 'POST',
      url: '/api/v1/webhooks/:id/test',
      request: () => hookUrl('/test'),
      expect: adminOnly(200),
    },
    {
      method: 'GET',
      url: '/api/v1/webhooks/:id/deliveries',
      request: () => hookUrl('/deliveries'),
      expect: adminOnly(200),
    },
    {
      method: 'GET',
      url: '/api/v1/workspaces/current/notification-settings',
      request: () => Promise.resolve({ url: '/api/v1/workspaces/current/notification-settings' }),
      expect: all(200),
    },
    {
      method: 'PATCH',
      url: '/api/v1/workspaces/current/notification-settings',
      request: () =>
        Promise.resolve({
          url: '/api/v1/workspaces/current/notification-settings',
          payload: { mutedClasses: ['hiring'] },
        }),
      expect: adminOnly(200, 200),
    },
    {
      method: 'GET',
      url: '/api/v1/me/notification-preferences',
      request: () => Promise.resolve({ url: '/api/v1/me/notification-preferences' }),
      expect: all(200),
    },
    {
      method: 'PATCH',
      url: '/api/v1/me/notification-preferences',
      request: () =>
        Promise.resolve({
          url: '/api/v1/me/notification-preferences',
          payload: { digestFrequency: 'weekly' },
        }),
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/v1/notifications/inbox',
      request: () => Promise.resolve({ url: '/api/v1/notifications/inbox' }),
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/v1/digests',
      request: () => Promise.resolve({ url: '/api/v1/digests' }),
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/v1/digests/:id',
      // Digests are personal: someone else's (or none) is a 404 for everyone.
      request: () => Promise.resolve({ url: `/api/v1/digests/${crypto.randomUUID()}` }),
      expect: { ...readable(404) },
    },
  ];
};
