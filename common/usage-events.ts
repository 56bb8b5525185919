/**
 * Names of the usage events analytics counts. No zod here: the web app imports these values.
 * Each is a row of the `event` table (type, entity, entity id, actor, time).
 */
export const USAGE_EVENTS = {
  cardViewed: 'battlecard.viewed',
  responseCopied: 'response.copied',
  cardExported: 'battlecard.exported',
  searched: 'search.performed',
  cardGenerated: 'battlecard.generated',
  changeRead: 'change.read',
} as const;
export type UsageEventType = (typeof USAGE_EVENTS)[keyof typeof USAGE_EVENTS];

/** Events a browser may report itself (the others are recorded by the server as they happen). */
export const CLIENT_USAGE_EVENTS = [USAGE_EVENTS.responseCopied] as const;

export const ANALYTICS_INTERVALS = ['day', 'week'] as const;
export type AnalyticsInterval = (typeof ANALYTICS_INTERVALS)[number];

/** Days before a deal's close in which a view of one of its competitor's cards counts. */
export const CARD_IMPACT_WINDOW_DEFAULT = 30;
