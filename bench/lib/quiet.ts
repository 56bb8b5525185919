import { cpuSnapshot, othersCpuPercent } from './cpu';
import { serverGroups } from './server-process';

/** Other processes using more than this (percent of one core) make a measurement unfair. */
export const BUSY_OTHERS_PERCENT = 15;

/**
 * Waits, up to `maxSeconds`, for other processes to leave the CPU alone (1-second samples).
 * Returns the last sample, so the caller can say the machine never quietened.
 */
export async function waitForQuiet(
  maxSeconds: number,
  log: (message: string) => void,
): Promise<number | undefined> {
  const deadline = Date.now() + maxSeconds * 1000;
  let said = false;
  for (;;) {
    const before = cpuSnapshot(serverGroups());
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const others = othersCpuPercent(before, cpuSnapshot(serverGroups()));
    if (others === undefined || others <= BUSY_OTHERS_PERCENT || Date.now() >= deadline) {
      return others;
    }
    if (!said) {
      log(`  other processes use ${Math.round(others)}% CPU; waiting up to ${maxSeconds} s`);
      said = true;
    }
  }
}
