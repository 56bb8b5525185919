/**
 * The stages a job reported, in the order they arrived, and which one to show now.
 *
 * A local generation can finish in well under a second; its stage events then arrive a few
 * milliseconds apart and would flash past unseen. The dialog shows each stage that really
 * arrived for at least `MIN_STAGE_MS` (never one that did not), so people can read what the
 * job did, and opens the card once the last one was on screen.
 */
export interface StageArrival {
  stage: string;
  percent: number;
}

export const MIN_STAGE_MS = 350;

/** Appends `stage` unless it is the latest one (then only its percent moves forward). */
export function recordStage(
  trail: readonly StageArrival[],
  stage: string,
  percent: number,
): StageArrival[] {
  const last = trail.at(-1);
  if (last?.stage === stage) {
    return percent > last.percent ? [...trail.slice(0, -1), { stage, percent }] : [...trail];
  }
  if (trail.some((t) => t.stage === stage)) return [...trail]; // a late duplicate
  return [...trail, { stage, percent }];
}

/**
 * When to move the display on: `shown` is the index on screen since `shownAt`; the next stage
 * (or, at the end, "done") may appear `MIN_STAGE_MS` after it. Returns the delay in ms, or
 * null when there is nothing to move on to.
 */
export function nextStepDelay(
  trailLength: number,
  shown: number,
  shownAt: number,
  now: number,
  finished: boolean,
): number | null {
  const hasNext = shown < trailLength - 1;
  if (!hasNext && !finished) return null;
  return Math.max(0, shownAt + MIN_STAGE_MS - now);
}
