import { type MatrixEnv, type MatrixRows, all, editable, readable } from '../../test/access-matrix';
import { competitorOfA } from '../competitors/competitors.access';

async function evidenceOfA(env: MatrixEnv, competitorId: string): Promise<string> {
  const res = await env.app.inject({
    method: 'POST',
    url: `/api/v1/competitors/${competitorId}/evidence`,
    headers: env.accounts.owner.headers,
    payload: { kind: 'note', title: 'Matrix note', content: 'Their pricing starts at $40.' },
  });
  if (res.statusCode !== 201) throw new Error(`evidence: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

export const evidenceRows: MatrixRows = (env) => {
  let shared: Promise<{ competitorId: string; evidenceId: string }> | undefined;
  const sharedEvidence = () =>
    (shared ??= competitorOfA(env).then(async (competitorId) => ({
      competitorId,
      evidenceId: await evidenceOfA(env, competitorId),
    })));
  return [
    {
      method: 'POST',
      url: '/api/v1/competitors/:id/evidence',
      request: async () => ({
        url: `/api/v1/competitors/${(await sharedEvidence()).competitorId}/evidence`,
        payload: { kind: 'call_snippet', title: 'Call', content: 'They asked about SSO.' },
      }),
      expect: editable(201),
    },
    {
      method: 'GET',
      url: '/api/v1/competitors/:id/evidence',
      request: async () => ({
        url: `/api/v1/competitors/${(await sharedEvidence()).competitorId}/evidence`,
      }),
      expect: readable(),
    },
    {
      method: 'GET',
      url: '/api/v1/evidence',
      request: () => Promise.resolve({ url: '/api/v1/evidence?q=pricing' }),
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/v1/evidence/:id',
      request: async () => ({ url: `/api/v1/evidence/${(await sharedEvidence()).evidenceId}` }),
      expect: readable(),
    },
    {
      method: 'DELETE',
      url: '/api/v1/evidence/:id',
      request: async () => ({
        url: `/api/v1/evidence/${await evidenceOfA(env, (await sharedEvidence()).competitorId)}`,
      }),
      expect: editable(204),
    },
  ];
};
