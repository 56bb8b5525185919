import { type MatrixRows, all, readable } from '../../test/access-matrix';
import { cardOfA } from '../battlecards/battlecards.access';
import { competitorOfA } from '../competitors/competitors.access';

/** Analytics are read by every member, and only ever of the caller's own workspace. */
export const analyticsRows: MatrixRows = (env) => {
  let shared: Promise<{ cardId: string; claimId: string }> | undefined;
  const sharedCard = () => (shared ??= competitorOfA(env).then((id) => cardOfA(env, id)));
  return [
    ...['overview', 'trends', 'card-impact'].map((name) => ({
      method: 'GET' as const,
      url: `/api/v1/analytics/${name}`,
      request: () => Promise.resolve({ url: `/api/v1/analytics/${name}` }),
      expect: all(200),
    })),
    {
      method: 'POST',
      url: '/api/v1/analytics/events',
      request: async () => {
        const { cardId, claimId } = await sharedCard();
        return {
          url: '/api/v1/analytics/events',
          payload: { type: 'response.copied', battlecardId: cardId, claimId },
        };
      },
      // Workspace B's admin names a card that is not theirs.
      expect: readable(202),
    },
  ];
};
