/**
 * The drill's one user sends far more than a person would (a fast 503 loops at once): the
 * per-user API limit is lifted so the drill measures the fault, not the limiter.
 */
export const DRILL_ENV = { RATE_LIMIT_PER_USER_PER_MINUTE: '10000000' };

/** What a drill measured and which of its promises held. */
export interface DrillReport {
  drill: string;
  /** embedded or scale (PostgreSQL + Redis). */
  mode: string;
  figures: Record<string, string | number>;
  /** Promises broken; empty when the drill passed. */
  failures: string[];
}

export function check(report: DrillReport, ok: boolean, promise: string): void {
  if (!ok) report.failures.push(promise);
}

export function printReport(report: DrillReport): void {
  const verdict = report.failures.length === 0 ? 'PASS' : 'FAIL';
  process.stdout.write(`\n${report.drill} (${report.mode}): ${verdict}\n`);
  const width = Math.max(...Object.keys(report.figures).map((k) => k.length));
  for (const [key, value] of Object.entries(report.figures)) {
    process.stdout.write(`  ${key.padEnd(width)}  ${value}\n`);
  }
  for (const failure of report.failures) process.stdout.write(`  broken: ${failure}\n`);
}

/** `--mode=embedded|scale|both` from argv (default `fallback`). */
export function modesFromArgs(argv: string[], fallback: string[]): string[] {
  const arg = argv.find((a) => a.startsWith('--mode='));
  const mode = arg?.slice('--mode='.length);
  if (!mode) return fallback;
  if (mode === 'both') return ['embedded', 'scale'];
  if (mode !== 'embedded' && mode !== 'scale') {
    throw new Error('--mode must be embedded, scale or both');
  }
  return [mode];
}

/** Runs drills one after the other, prints each, and sets the exit code. */
export async function runDrills(drills: (() => Promise<DrillReport>)[]): Promise<void> {
  let failed = false;
  for (const drill of drills) {
    const report = await drill();
    printReport(report);
    if (report.failures.length > 0) failed = true;
  }
  process.exitCode = failed ? 1 : 0;
}
