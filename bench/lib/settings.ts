/** Reads the bench's knobs from the environment; a bad value stops the run with its name. */
export interface BenchSettings {
  duration: number;
  warmup: number;
  quietWait: number;
  retries: number;
  connections: number[];
}

function nonNegative(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const n = Number(text.trim());
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}: "${text}" is not a number >= 0`);
  return n;
}

function positiveInt(name: string, text: string): number {
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name}: "${text}" is not a whole number > 0`);
  return n;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  return {
    duration: env.BENCH_DURATION ? positiveInt('BENCH_DURATION', env.BENCH_DURATION) : 10,
    warmup: nonNegative('BENCH_WARMUP', env.BENCH_WARMUP, 2),
    quietWait: nonNegative('BENCH_QUIET_WAIT', env.BENCH_QUIET_WAIT, 30),
    retries: Math.floor(nonNegative('BENCH_RETRIES', env.BENCH_RETRIES, 2)),
    connections: (env.BENCH_CONNECTIONS ?? '100,1000')
      .split(',')
      .filter((s) => s.trim() !== '')
      .map((s) => positiveInt('BENCH_CONNECTIONS', s)),
  };
}
