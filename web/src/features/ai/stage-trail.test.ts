import { describe, expect, it } from 'vitest';
import { MIN_STAGE_MS, nextStepDelay, recordStage } from './stage-trail';

describe('the stage trail of a job', () => {
  it('keeps every stage once, in the order it arrived, with its latest percent', () => {
    let trail = recordStage([], 'collecting evidence', 2);
    trail = recordStage(trail, 'analysing evidence', 5);
    trail = recordStage(trail, 'analysing evidence', 40);
    trail = recordStage(trail, 'analysing evidence', 30); // out of order: percent never goes back
    trail = recordStage(trail, 'collecting evidence', 2); // a late duplicate
    trail = recordStage(trail, 'building profile', 65);
    expect(trail).toEqual([
      { stage: 'collecting evidence', percent: 2 },
      { stage: 'analysing evidence', percent: 40 },
      { stage: 'building profile', percent: 65 },
    ]);
  });

  it('shows each stage for at least MIN_STAGE_MS, and moves on at once when it was long enough', () => {
    expect(nextStepDelay(3, 0, 1_000, 1_100, false)).toBe(MIN_STAGE_MS - 100);
    expect(nextStepDelay(3, 0, 1_000, 1_000 + MIN_STAGE_MS + 5, false)).toBe(0);
    expect(nextStepDelay(3, -1, 0, 5_000, false)).toBe(0); // the first stage appears at once
  });

  it('waits for news while the last stage shows and the job runs; finishes after it showed', () => {
    expect(nextStepDelay(2, 1, 1_000, 9_000, false)).toBeNull();
    expect(nextStepDelay(2, 1, 1_000, 1_200, true)).toBe(MIN_STAGE_MS - 200);
    expect(nextStepDelay(0, -1, 0, 1_000, true)).toBe(0); // finished before any stage arrived
  });
});
