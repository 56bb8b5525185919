/**
 * The decisions of the live connection, as pure functions (tested without a browser):
 * what to do when the server closes, how long to wait, which cached queries an event touches.
 */
import { CLOSE_CODES } from '../../../common/realtime';

export type CloseAction =
  /** Get a fresh access token and reconnect at once (it expired or was rotated). */
  | 'refresh'
  /** Reconnect after a backoff (server restart, network blip, dead socket). */
  | 'retry'
  /** Reconnect after a long backoff (too many connections or messages). */
  | 'slow-retry'
  /** Do not reconnect: wrong origin or no longer a member (the REST layer signs out). */
  | 'stop';

export function actionOnClose(code: number): CloseAction {
  switch (code) {
    case CLOSE_CODES.tokenExpired:
    case CLOSE_CODES.unauthenticated:
      return 'refresh';
    case CLOSE_CODES.forbidden:
      return 'stop';
    case CLOSE_CODES.tooMany:
      return 'slow-retry';
    default:
      return 'retry';
  }
}

const BASE_MS = 500;
const MAX_MS = 30_000;
const SLOW_MIN_MS = 15_000;

/**
 * Exponential backoff with jitter: between half and all of min(30 s, 0.5 s × 2^attempt), so a
 * server restart does not bring every tab back in the same instant.
 */
export function reconnectDelay(attempt: number, slow = false, random = Math.random): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempt));
  const delay = ceiling / 2 + (random() * ceiling) / 2;
  return Math.round(slow ? Math.max(SLOW_MIN_MS, delay) : delay);
}

/** Entities whose query keys do not start with (only) their plural. */
const QUERY_ROOTS: Record<string, string[]> = {
  evidence: ['evidence'],
  claim: ['battlecards'],
  battlecard_version: ['battlecards'],
  // A change also moves its source's "last change" and change count.
  change: ['changes', 'sources'],
};

/**
 * The first elements of the TanStack Query keys an event makes stale (`['battlecards', …]` for
 * `battlecard.updated`); empty for events that concern no cached list or detail.
 * Job events update their job's query directly (see useJobProgress).
 */
export function queryRootsOf(event: { type: string; entity: string }): string[] {
  const uncached = ['job', 'connection', 'member', 'metrics'];
  if (uncached.includes(event.entity)) return [];
  return QUERY_ROOTS[event.entity] ?? [`${event.entity}s`];
}
