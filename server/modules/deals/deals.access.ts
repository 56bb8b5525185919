import { type MatrixEnv, type MatrixRows, all, editable, readable } from '../../test/access-matrix';
import { competitorOfA } from '../competitors/competitors.access';

const dealBody = (competitorId: string) => ({
  competitorId,
  outcome: 'won',
  closedAt: '2024-05-01',
  reasons: ['Faster rollout'],
});

async function dealOfA(env: MatrixEnv, competitorId: string): Promise<string> {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/deals',
    headers: env.accounts.owner.headers,
    payload: dealBody(competitorId),
  });
  if (res.statusCode !== 201) throw new Error(`deal: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

export const dealRows: MatrixRows = (env) => {
  let shared: Promise<{ competitorId: string; dealId: string }> | undefined;
  const sharedDeal = () =>
    (shared ??= competitorOfA(env).then(async (competitorId) => ({
      competitorId,
      dealId: await dealOfA(env, competitorId),
    })));
  return [
    {
      method: 'POST',
      url: '/api/v1/deals',
      request: async () => ({
        url: '/api/v1/deals',
        payload: dealBody((await sharedDeal()).competitorId),
      }),
      // Workspace B's admin names a competitor that is not theirs.
      expect: editable(201),
    },
    {
      method: 'GET',
      url: '/api/v1/deals',
      request: () => Promise.resolve({ url: '/api/v1/deals' }),
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/v1/deals/win-rates',
      request: () => Promise.resolve({ url: '/api/v1/deals/win-rates' }),
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/v1/deals/:id',
      request: async () => ({ url: `/api/v1/deals/${(await sharedDeal()).dealId}` }),
      expect: readable(),
    },
    {
      method: 'DELETE',
      url: '/api/v1/deals/:id',
      request: async () => ({
        url: `/api/v1/deals/${await dealOfA(env, (await sharedDeal()).competitorId)}`,
      }),
      expect: editable(204),
    },
  ];
};
