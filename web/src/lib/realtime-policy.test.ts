import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../../common/realtime';
import { actionOnClose, queryRootsOf, reconnectDelay } from './realtime-policy';

describe('live connection policy', () => {
  it('refreshes the token on expiry or rejection, stops when forbidden, backs off otherwise', () => {
    expect(actionOnClose(CLOSE_CODES.tokenExpired)).toBe('refresh');
    expect(actionOnClose(CLOSE_CODES.unauthenticated)).toBe('refresh');
    expect(actionOnClose(CLOSE_CODES.forbidden)).toBe('stop');
    expect(actionOnClose(CLOSE_CODES.tooMany)).toBe('slow-retry');
    expect(actionOnClose(CLOSE_CODES.goingAway)).toBe('retry');
    expect(actionOnClose(1006)).toBe('retry');
  });

  it('backs off exponentially with jitter between half and all of the ceiling, up to 30 s', () => {
    const low = () => 0;
    const high = () => 0.999_999;
    expect(reconnectDelay(0, false, low)).toBe(250);
    expect(reconnectDelay(0, false, high)).toBe(500);
    expect(reconnectDelay(3, false, low)).toBe(2_000);
    expect(reconnectDelay(3, false, high)).toBe(4_000);
    expect(reconnectDelay(20, false, high)).toBe(30_000);
    expect(reconnectDelay(20, false, low)).toBe(15_000);
    expect(reconnectDelay(0, true, low)).toBe(15_000);
    const spread = new Set(Array.from({ length: 50 }, () => reconnectDelay(4)));
    expect(spread.size).toBeGreaterThan(10);
  });

  it('maps events to the query keys they make stale', () => {
    expect(queryRootsOf({ type: 'battlecard.updated', entity: 'battlecard' })).toEqual([
      'battlecards',
    ]);
    expect(queryRootsOf({ type: 'change.detected', entity: 'change' })).toEqual([
      'changes',
      'sources',
    ]);
    expect(queryRootsOf({ type: 'evidence.created', entity: 'evidence' })).toEqual(['evidence']);
    expect(queryRootsOf({ type: 'claim.stale', entity: 'claim' })).toEqual(['battlecards']);
    expect(queryRootsOf({ type: 'job.progress', entity: 'job' })).toEqual([]);
    expect(queryRootsOf({ type: 'ready', entity: 'connection' })).toEqual([]);
  });
});
