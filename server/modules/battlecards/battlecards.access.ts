import { type MatrixEnv, type MatrixRows, all, editable, readable } from '../../test/access-matrix';
import { competitorOfA } from '../competitors/competitors.access';

async function ownerPost(env: MatrixEnv, url: string, payload: object): Promise<string> {
  const res = await env.app.inject({
    method: 'POST',
    url,
    headers: env.accounts.owner.headers,
    payload,
  });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A new workspace card of A's owner, with one overview claim (and published, if asked). */
export async function cardOfA(
  env: MatrixEnv,
  competitorId: string,
  options: { publish?: boolean } = {},
): Promise<{ cardId: string; claimId: string }> {
  const cardId = await ownerPost(env, '/api/v1/battlecards', { competitorId });
  const claimId = await ownerPost(env, `/api/v1/battlecards/${cardId}/claims`, {
    section: 'overview',
    text: 'An all-in-one suite for mid-market teams.',
  });
  if (options.publish) {
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/battlecards/${cardId}/publish`,
      headers: env.accounts.owner.headers,
      payload: {},
    });
    if (res.statusCode !== 201) throw new Error(`publish: ${res.statusCode} ${res.body}`);
  }
  return { cardId, claimId };
}

export const battlecardRows: MatrixRows = (env) => {
  let competitor: Promise<string> | undefined;
  const sharedCompetitor = () => (competitor ??= competitorOfA(env));
  let shared: Promise<{ cardId: string; claimId: string }> | undefined;
  // Published once, so version 1 exists; other rows edit it freely afterwards.
  const sharedCard = () =>
    (shared ??= sharedCompetitor().then((id) => cardOfA(env, id, { publish: true })));
  const freshCard = async () => cardOfA(env, await sharedCompetitor());
  const cardUrl = async (suffix = '') =>
    `/api/v1/battlecards/${(await sharedCard()).cardId}${suffix}`;
  const claimUrl = async (suffix = '') => {
    const { cardId, claimId } = await sharedCard();
    return `/api/v1/battlecards/${cardId}/claims/${claimId}${suffix}`;
  };

  return [
    {
      method: 'GET',
      url: '/api/v1/battlecards',
      request: () => Promise.resolve({ url: '/api/v1/battlecards?q=suite' }),
      expect: all(200),
    },
    {
      method: 'POST',
      url: '/api/v1/battlecards',
      // Workspace B's admin names a competitor of A: not theirs, 404.
      request: async () => ({
        url: '/api/v1/battlecards',
        payload: { competitorId: await sharedCompetitor(), segment: 'Matrix' },
      }),
      expect: editable(201),
    },
    {
      method: 'GET',
      url: '/api/v1/battlecards/:id',
      request: async () => ({ url: await cardUrl() }),
      expect: readable(),
    },
    {
      method: 'PATCH',
      url: '/api/v1/battlecards/:id',
      request: async () => ({ url: await cardUrl(), payload: { title: 'Matrix battlecard' } }),
      expect: editable(),
    },
    {
      method: 'DELETE',
      url: '/api/v1/battlecards/:id',
      request: async () => ({ url: `/api/v1/battlecards/${(await freshCard()).cardId}` }),
      // A card is deleted by its owner (A's owner here) or an admin, not by other editors.
      expect: { ...editable(204), editor: 403 },
    },
    {
      method: 'POST',
      url: '/api/v1/battlecards/:id/claims',
      request: async () => ({
        url: await cardUrl('/claims'),
        payload: { section: 'talking_points', text: 'Lead with time to value.' },
      }),
      expect: editable(201),
    },
    {
      method: 'PATCH',
      url: '/api/v1/battlecards/:id/claims/:claimId',
      request: async () => ({ url: await claimUrl(), payload: { confidence: 0.7 } }),
      expect: editable(),
    },
    {
      method: 'DELETE',
      url: '/api/v1/battlecards/:id/claims/:claimId',
      request: async () => {
        const { cardId, claimId } = await freshCard();
        return { url: `/api/v1/battlecards/${cardId}/claims/${claimId}` };
      },
      expect: editable(204),
    },
    {
      method: 'PUT',
      url: '/api/v1/battlecards/:id/sections/:section/order',
      request: async () => {
        const { cardId, claimId } = await freshCard();
        return {
          url: `/api/v1/battlecards/${cardId}/sections/overview/order`,
          payload: { claimIds: [claimId] },
        };
      },
      expect: editable(),
    },
    {
      method: 'POST',
      url: '/api/v1/battlecards/:id/claims/:claimId/verify',
      request: async () => ({ url: await claimUrl('/verify') }),
      expect: editable(),
    },
    {
      method: 'POST',
      url: '/api/v1/battlecards/:id/claims/:claimId/stale',
      request: async () => ({ url: await claimUrl('/stale'), payload: { reason: 'Matrix' } }),
      expect: editable(),
    },
    {
      method: 'POST',
      url: '/api/v1/battlecards/:id/publish',
      request: async () => ({ url: await cardUrl('/publish'), payload: {} }),
      expect: editable(201),
    },
    {
      method: 'GET',
      url: '/api/v1/battlecards/:id/versions',
      request: async () => ({ url: await cardUrl('/versions') }),
      expect: readable(),
    },
    {
      method: 'GET',
      url: '/api/v1/battlecards/:id/versions/:version',
      request: async () => ({ url: await cardUrl('/versions/1') }),
      expect: readable(),
    },
    {
      method: 'GET',
      url: '/api/v1/battlecards/:id/diff',
      request: async () => ({ url: await cardUrl('/diff?from=1&to=draft') }),
      // Viewers read what was published, never the working copy.
      expect: { ...readable(), viewer: 403 },
    },
  ];
};
