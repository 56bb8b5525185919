import { describe, expect, it } from 'vitest';
import type { RealtimeMessage } from '../../../common/realtime';
import { RecentEvents } from './recent-events';

const progress = (id: string, stage: string): RealtimeMessage => ({
  type: 'job.progress',
  entity: 'job',
  id,
  data: { stage },
});

describe('RecentEvents', () => {
  it('returns the events of one entity in order, filtered by type', () => {
    const recent = new RecentEvents();
    recent.remember(progress('a', 'profiling'));
    recent.remember(progress('b', 'writing'));
    recent.remember({ ...progress('a', 'done'), type: 'job.completed' });
    recent.remember(progress('a', 'writing'));
    expect(recent.about('a', 'job.progress').map((m) => m.data)).toEqual([
      { stage: 'profiling' },
      { stage: 'writing' },
    ]);
    expect(recent.about('a')).toHaveLength(3);
    expect(recent.about('c')).toEqual([]);
  });

  it('forgets events older than its window and beyond its limit', () => {
    let now = 0;
    const recent = new RecentEvents(4, 1_000, () => now);
    recent.remember(progress('old', 'x'));
    now = 2_000;
    expect(recent.about('old')).toEqual([]);
    for (let i = 0; i < 5; i++) recent.remember(progress('new', String(i)));
    expect(recent.about('new').map((m) => (m.data as { stage: string }).stage)).toEqual([
      '2',
      '3',
      '4',
    ]);
  });

  it('ignores messages without an entity id and empties on clear', () => {
    const recent = new RecentEvents();
    recent.remember({ type: 'ready' } as unknown as RealtimeMessage);
    recent.remember(progress('a', 'x'));
    recent.clear();
    expect(recent.about('a')).toEqual([]);
  });
});
