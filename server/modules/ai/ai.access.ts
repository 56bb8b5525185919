import { type MatrixEnv, type MatrixRows, all, editable, readable } from '../../test/access-matrix';
import { competitorOfA } from '../competitors/competitors.access';

/** A draft card of A's owner (each regenerate row needs one not already generating). */
async function cardOfA(env: MatrixEnv, competitorId: string): Promise<string> {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/battlecards',
    headers: env.accounts.owner.headers,
    payload: { competitorId },
  });
  if (res.statusCode !== 201) throw new Error(`card: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/**
 * The AI routes. Generating and regenerating write cards: editors and up. Analysing spends
 * the workspace's AI budget: editors and up too. The profile is intel anyone in the
 * workspace may read (sellers included); the engine status is every member's to see.
 */
export const aiRows: MatrixRows = (env) => {
  let competitor: Promise<string> | undefined;
  const sharedCompetitor = () => (competitor ??= competitorOfA(env));
  return [
    {
      method: 'POST',
      url: '/api/v1/battlecards/generate',
      request: async () => ({
        url: '/api/v1/battlecards/generate',
        payload: { competitorId: await sharedCompetitor(), productSegment: 'Matrix' },
      }),
      expect: editable(202),
    },
    {
      method: 'POST',
      url: '/api/v1/battlecards/:id/sections/:section/regenerate',
      request: async () => ({
        url: `/api/v1/battlecards/${await cardOfA(env, await sharedCompetitor())}/sections/pricing/regenerate`,
        payload: {},
      }),
      expect: editable(202),
    },
    {
      method: 'GET',
      url: '/api/v1/competitors/:id/profile',
      request: async () => ({ url: `/api/v1/competitors/${await sharedCompetitor()}/profile` }),
      expect: readable(),
    },
    {
      method: 'POST',
      url: '/api/v1/ai/analyze',
      request: () =>
        Promise.resolve({
          url: '/api/v1/ai/analyze',
          payload: { content: 'Acme Pro costs $49 per user per month and is SOC 2 Type II.' },
        }),
      // Workspace B's admin analyses in workspace B.
      expect: { ...editable(200), otherAdmin: 200 },
    },
    {
      method: 'GET',
      url: '/api/v1/ai/status',
      request: () => Promise.resolve({ url: '/api/v1/ai/status' }),
      expect: all(200),
    },
  ];
};
