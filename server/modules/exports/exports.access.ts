import { type MatrixEnv, type MatrixRows, readable } from '../../test/access-matrix';
import { competitorOfA } from '../competitors/competitors.access';

async function ownerRequest(env: MatrixEnv, url: string, payload: object): Promise<string> {
  const res = await env.app.inject({
    method: 'POST',
    url,
    headers: env.accounts.owner.headers,
    payload,
  });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json<{ id?: string }>().id ?? '';
}

/** A published workspace card of A with one claim: what any member of A may export. */
async function publishedCardOfA(env: MatrixEnv): Promise<string> {
  const competitorId = await competitorOfA(env);
  const cardId = await ownerRequest(env, '/api/v1/battlecards', { competitorId });
  await ownerRequest(env, `/api/v1/battlecards/${cardId}/claims`, {
    section: 'overview',
    text: 'An all-in-one suite for mid-market teams.',
  });
  await ownerRequest(env, `/api/v1/battlecards/${cardId}/publish`, {});
  return cardId;
}

export const exportRows: MatrixRows = (env) => {
  let shared: Promise<string> | undefined;
  const card = () => (shared ??= publishedCardOfA(env));
  return [
    {
      method: 'GET',
      url: '/api/v1/battlecards/:id/export/:format',
      // Reading rules: any member of A (viewers get the published copy); B's admin: 404.
      request: async (caller) => ({
        url: `/api/v1/battlecards/${await card()}/export/${caller === 'viewer' ? 'pdf' : 'md'}?version=1`,
      }),
      expect: readable(),
    },
  ];
};
