import type { MachineFacts } from './machine';
import { BUSY_OTHERS_PERCENT } from './quiet';
import type { BenchSettings } from './settings';

/** The lines printed above the tables: what ran, where, and how busy the machine was. */
export function formatHeader(
  startedAt: Date,
  machine: MachineFacts,
  settings: BenchSettings,
  othersCpuBefore: number | undefined,
): string {
  const busy = othersCpuBefore !== undefined && othersCpuBefore > BUSY_OTHERS_PERCENT;
  const others = othersCpuBefore === undefined ? 'n/a' : `${Math.round(othersCpuBefore)}% CPU`;
  return [
    `Ringside bench — ${startedAt.toISOString()}`,
    `node ${machine.node} · ${machine.cpus} CPUs (${machine.cpuModel}) · ${machine.memoryGiB} GiB · ${machine.platform}`,
    `mode ${machine.mode}${machine.redis ? ' + redis' : ''} · ` +
      `${settings.duration} s per measurement after ${settings.warmup} s warm-up · ` +
      `connections ${settings.connections.join(', ')} · load generator in the bench process · ` +
      `up to ${settings.retries} retries when disturbed`,
    `before start: load average ${machine.loadAverage.join(' ')} · other processes ${others}` +
      (busy ? ' — WARNING: the machine is busy; numbers will be low' : ''),
  ].join('\n');
}
