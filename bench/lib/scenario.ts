import type { LoadResult } from './load';
import type { ProbeReport } from './probe';

/** One measured line of a scenario's table. */
export interface ResultRow extends LoadResult {
  /** What was hit, e.g. "baseline /baseline" or "ringside /health". */
  target: string;
  connections: number;
  /** The row the others at the same connection count are compared with. */
  baseline?: boolean;
  /**
   * CPU used by processes other than the bench and its servers while measuring, in percent of
   * one core (the machine has 2). High means the row is understated.
   */
  othersCpu?: number;
  /** What one extra client, asking every 0.5 s during the measurement, was answered. */
  probe?: ProbeReport;
  /** Connection attempts the kernel dropped on a full listen queue during the run (Linux). */
  listenOverflows?: number;
  /** req/s ÷ the baseline row's req/s at the same connection count (filled in by the runner). */
  vsBaseline?: number;
}

export interface ScenarioContext {
  /** Seconds per measurement (BENCH_DURATION). */
  duration: number;
  /** Seconds of load, on the measured connections, thrown away before each measurement. */
  warmup: number;
  /** Seconds to wait, before each measurement, for other processes to leave the CPU alone. */
  quietWait: number;
  /** Extra attempts at a measurement that other processes disturbed; the quietest is kept. */
  retries: number;
  /** Connection counts to measure at (BENCH_CONNECTIONS). */
  connections: number[];
  /** Progress lines (to stderr, so a piped table stays clean). */
  log(message: string): void;
}

export interface ScenarioResult {
  rows: ResultRow[];
  /** Observations worth reading beside the numbers (server log lines, crashes, …). */
  notes: string[];
}

export interface Scenario {
  /** Used to pick scenarios from argv: `npm run bench -- http`. */
  name: string;
  description: string;
  run(context: ScenarioContext): Promise<ScenarioResult>;
}

/** Fills `vsBaseline` on each row from the baseline row with the same connection count. */
export function compareWithBaseline(rows: ResultRow[]): ResultRow[] {
  return rows.map((row) => {
    const base = rows.find((r) => r.baseline && r.connections === row.connections);
    return base && base.reqPerSec > 0
      ? { ...row, vsBaseline: row.reqPerSec / base.reqPerSec }
      : row;
  });
}
