import { readFileSync, readdirSync } from 'node:fs';

/**
 * How much CPU went to processes other than the bench and its servers during a measurement.
 * On a 2-core machine shared with other work, that is what makes a number untrustworthy.
 * Linux only (reads /proc); elsewhere it reports nothing.
 */
export interface CpuSnapshot {
  at: number;
  /** user + nice + system jiffies of the whole machine. */
  machine: number;
  /** user + system jiffies of this process and of every process in the given groups. */
  ours: number;
}

const stat = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

function machineJiffies(): number | undefined {
  const line = stat('/proc/stat')?.split('\n')[0];
  if (!line?.startsWith('cpu ')) return undefined;
  const [user, nice, system] = line.trim().split(/\s+/).slice(1, 4).map(Number);
  return (user ?? 0) + (nice ?? 0) + (system ?? 0);
}

/** Command names of services the system under test uses on this machine (postgres, …). */
const serviceNames = new Set<string>();

/** Counts processes named `comm` (as in /proc/<pid>/stat) as part of the system under test. */
export function countAsOurs(comm: string): void {
  serviceNames.add(comm);
}

/**
 * utime + stime of this process, of every process in one of `groups`, and of every process
 * named in `countAsOurs`.
 */
function ourJiffies(groups: number[]): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const text = stat(`/proc/${entry}/stat`);
    if (!text) continue;
    // Fields after the command name (which may hold spaces): state ppid pgrp … utime(14) stime(15).
    const comm = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const pgrp = Number(fields[2]);
    if (Number(entry) === process.pid || groups.includes(pgrp) || serviceNames.has(comm)) {
      total += Number(fields[11]) + Number(fields[12]);
    }
  }
  return total;
}

export function cpuSnapshot(groups: number[]): CpuSnapshot | undefined {
  const machine = machineJiffies();
  if (machine === undefined) return undefined;
  return { at: Date.now(), machine, ours: ourJiffies(groups) };
}

/** Percent of one core (200 = two cores fully busy) used by other processes between a and b. */
export function othersCpuPercent(
  a: CpuSnapshot | undefined,
  b: CpuSnapshot | undefined,
): number | undefined {
  if (!a || !b || b.at <= a.at) return undefined;
  const ticksPerSecond = 100; // USER_HZ on Linux
  const others = b.machine - a.machine - (b.ours - a.ours);
  return Math.max(0, (others / ticksPerSecond / ((b.at - a.at) / 1000)) * 100);
}
