import os from 'node:os';
import { cpuSnapshot, othersCpuPercent } from './cpu';

export interface MachineFacts {
  node: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  platform: string;
  /** Ringside's mode for this run: scale when DATABASE_URL is set. */
  mode: 'embedded' | 'scale';
  redis: boolean;
  loadAverage: number[];
}

export function machineFacts(env: NodeJS.ProcessEnv = process.env): MachineFacts {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpus: os.availableParallelism(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    mode: env.DATABASE_URL ? 'scale' : 'embedded',
    redis: Boolean(env.REDIS_URL),
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

/** CPU used by other processes over `ms`, in percent of one core (undefined off Linux). */
export async function othersCpuNow(ms = 2_000): Promise<number | undefined> {
  const before = cpuSnapshot([]);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return othersCpuPercent(before, cpuSnapshot([]));
}
