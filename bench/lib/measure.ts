import { type CpuSnapshot, cpuSnapshot, othersCpuPercent } from './cpu';
import { type LoadOptions, runLoad } from './load';
import { listenOverflows } from './netstat';
import { type ProbeReport, startProbe } from './probe';
import { BUSY_OTHERS_PERCENT, waitForQuiet } from './quiet';
import type { ResultRow, ScenarioContext } from './scenario';
import { type ServerProcess, serverGroups } from './server-process';

export interface MeasureOptions {
  server: ServerProcess;
  target: string;
  url: string;
  connections: number;
  headers?: LoadOptions['headers'];
  /** Rotates the path of each request (see LoadOptions); the probe follows the rotation. */
  nextPath?: LoadOptions['nextPath'];
  baseline?: boolean;
}

/**
 * Waits for a quiet machine, then one load run: warm-up (thrown away) and measurement on the
 * same connections. If other processes took the CPU meanwhile, measures again (up to
 * `context.retries` times) and keeps the quietest attempt. Throws with the server's output if
 * it died under load. Everything odd (non-2xx, timeouts, server log lines, dropped
 * connections, competing processes) becomes a note.
 */
export async function measure(
  context: ScenarioContext,
  options: MeasureOptions,
  notes: string[],
): Promise<ResultRow> {
  const label = `${options.target} @ ${options.connections}`;
  let best: { row: ResultRow; notes: string[] } | undefined;
  let attempts = 0;
  while (attempts <= context.retries) {
    attempts++;
    if (context.quietWait > 0) await waitForQuiet(context.quietWait, (line) => context.log(line));
    context.log(`  ${label}: ${context.warmup} s warm-up + ${context.duration} s measured`);
    const attemptNotes: string[] = [];
    const row = await measureOnce(context, options, attemptNotes);
    const othersCpu = row.othersCpu ?? 0;
    if (!best || othersCpu < (best.row.othersCpu ?? 0)) best = { row, notes: attemptNotes };
    if (othersCpu <= BUSY_OTHERS_PERCENT) break;
  }
  if (!best) throw new Error(`${label}: no attempt was made`);
  notes.push(...best.notes);
  if (attempts > 1) {
    notes.push(
      `${label}: measured ${attempts}× as other processes took the CPU; kept the quietest`,
    );
  }
  return best.row;
}

async function measureOnce(
  context: ScenarioContext,
  options: MeasureOptions,
  notes: string[],
): Promise<ResultRow> {
  const { server, url, connections, headers, nextPath } = options;
  const label = `${options.target} @ ${connections}`;

  const overflowsBefore = listenOverflows();
  let cpuBefore: CpuSnapshot | undefined;
  let linesBefore = server.lineCount();
  let probe: { stop(): Promise<ProbeReport> } | undefined;
  const result = await runLoad({
    url,
    connections,
    headers,
    nextPath,
    warmup: context.warmup,
    duration: context.duration,
    onMeasureStart() {
      cpuBefore = cpuSnapshot(serverGroups());
      linesBefore = server.lineCount();
      const origin = new URL(url).origin;
      probe = startProbe(nextPath ? () => origin + nextPath() : url, { headers });
    },
  });
  const othersCpu = othersCpuPercent(cpuBefore, cpuSnapshot(serverGroups()));
  const probed = await probe?.stop();
  const overflowsAfter = listenOverflows();
  assertAlive(server, label);

  const note = (text: string) => notes.push(`${label}: ${text}`);
  const codes = Object.entries(result.statusCodes).filter(([code]) => !code.startsWith('2'));
  if (codes.length > 0) note(`non-2xx answers: ${codes.map(([c, n]) => `${n}× ${c}`).join(', ')}`);
  for (const p of probed?.problems ?? []) note(`a probe client got ${p.count}× ${p.answer}`);
  if (result.errors + result.timeouts > 0) {
    note(`${result.errors} connection error(s), ${result.timeouts} timeout(s) (10 s)`);
  }
  if (result.inFlight < connections * 0.9) {
    note(
      `only ~${result.inFlight} of ${connections} requests were in flight on average ` +
        `(req/s × mean latency); the rest were still connecting, or the load generator was too slow to resend (CPU)`,
    );
  }
  const w = result.warmupProblems;
  if (w.errors + w.timeouts + w.non2xx > 0) {
    note(`during warm-up: ${w.timeouts} timeout(s), ${w.errors} error(s), ${w.non2xx} non-2xx`);
  }
  if (overflowsBefore !== undefined && overflowsAfter !== undefined) {
    const dropped = overflowsAfter - overflowsBefore;
    if (dropped > 0) {
      note(
        `kernel dropped ${dropped} connection attempt(s) on a full listen queue (clients retry after 1 s, 3 s, 7 s…)`,
      );
    }
  }
  const logged = server.lineCount() - linesBefore;
  if (logged > 0) {
    const last = server.output().trimEnd().split('\n').at(-1) ?? '';
    note(
      `${server.name} wrote ${logged} log line(s) while measured; the last: ${last.slice(0, 300)}`,
    );
  }
  if (othersCpu !== undefined && othersCpu > BUSY_OTHERS_PERCENT) {
    note(`other processes used ${Math.round(othersCpu)}% CPU meanwhile; this row is understated`);
  }
  return {
    target: options.target,
    connections,
    baseline: options.baseline,
    othersCpu,
    probe: probed,
    listenOverflows:
      overflowsBefore !== undefined && overflowsAfter !== undefined
        ? overflowsAfter - overflowsBefore
        : undefined,
    ...result,
  };
}

function assertAlive(server: ServerProcess, label: string): void {
  const exited = server.exited();
  if (exited !== null) {
    throw new Error(
      `${server.name} exited (${exited}) during ${label}\n--- its output ---\n${server.output().trimEnd()}`,
    );
  }
}
