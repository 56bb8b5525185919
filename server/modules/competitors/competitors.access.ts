import { randomBytes } from 'node:crypto';
import { type MatrixEnv, type MatrixRows, all, editable, readable } from '../../test/access-matrix';

/** A new competitor of workspace A, created by its owner through the API. */
export async function competitorOfA(env: MatrixEnv): Promise<string> {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/competitors',
    headers: env.accounts.owner.headers,
    payload: { name: `Matrix Rival ${randomBytes(4).toString('hex')}` },
  });
  if (res.statusCode !== 201) throw new Error(`competitor: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

export const competitorRows: MatrixRows = (env) => {
  let shared: Promise<string> | undefined;
  const sharedCompetitor = () => (shared ??= competitorOfA(env));
  return [
    {
      method: 'GET',
      url: '/api/v1/competitors',
      request: () => Promise.resolve({ url: '/api/v1/competitors' }),
      expect: all(200),
    },
    {
      method: 'POST',
      url: '/api/v1/competitors',
      request: () =>
        Promise.resolve({
          url: '/api/v1/competitors',
          payload: { name: `New Rival ${randomBytes(4).toString('hex')}` },
        }),
      // Workspace B's admin adds one to workspace B.
      expect: { ...all(201), viewer: 403 },
    },
    {
      method: 'GET',
      url: '/api/v1/competitors/:id',
      request: async () => ({ url: `/api/v1/competitors/${await sharedCompetitor()}` }),
      expect: readable(),
    },
    {
      method: 'PATCH',
      url: '/api/v1/competitors/:id',
      request: async () => ({
        url: `/api/v1/competitors/${await sharedCompetitor()}`,
        payload: { summary: 'Updated by the access matrix' },
      }),
      expect: editable(),
    },
    {
      method: 'DELETE',
      url: '/api/v1/competitors/:id',
      request: async () => ({ url: `/api/v1/competitors/${await competitorOfA(env)}` }),
      // It takes evidence, cards and deals with it: admins only.
      expect: { ...editable(204), editor: 403 },
    },
  ];
};
