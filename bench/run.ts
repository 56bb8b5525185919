import path from 'node:path';
import { formatHeader } from './lib/header';
import { machineFacts, othersCpuNow } from './lib/machine';
import { writeResults } from './lib/results-file';
import { type ResultRow, type Scenario, compareWithBaseline } from './lib/scenario';
import { stopAllServers } from './lib/server-process';
import { readSettings } from './lib/settings';
import { formatTable } from './lib/table';
import { scenarios } from './scenarios';

/**
 * `npm run bench [-- name…]`: runs the scenarios (all, or those named), prints a table each,
 * writes bench/results/<timestamp>.json. Exits non-zero only if a scenario crashed, never
 * because of the numbers.
 */
interface ScenarioReport {
  name: string;
  description: string;
  ok: boolean;
  error?: string;
  rows: ResultRow[];
  notes: string[];
  seconds: number;
}

process.on('SIGINT', () => {
  process.stderr.write('\ninterrupted; stopping servers\n');
  void stopAllServers().finally(() => process.exit(130));
});

function select(names: string[]): Scenario[] {
  const unknown = names.filter((n) => !scenarios.some((s) => s.name === n));
  if (unknown.length > 0) {
    const known = scenarios.map((s) => s.name).join(', ');
    throw new Error(`unknown scenario(s): ${unknown.join(', ')}; known: ${known}`);
  }
  return names.length > 0 ? scenarios.filter((s) => names.includes(s.name)) : scenarios;
}

async function main(): Promise<number> {
  const selected = select(process.argv.slice(2).filter((a) => !a.startsWith('-')));
  const settings = readSettings();
  const machine = machineFacts();
  const startedAt = new Date();
  const othersCpuBefore = await othersCpuNow();
  console.log(formatHeader(startedAt, machine, settings, othersCpuBefore));

  const log = (message: string) => process.stderr.write(`${message}\n`);
  const reports: ScenarioReport[] = [];
  for (const scenario of selected) {
    console.log(`\n== ${scenario.name}: ${scenario.description}`);
    const { name, description } = scenario;
    const t0 = performance.now();
    const seconds = () => Math.round((performance.now() - t0) / 100) / 10;
    try {
      const result = await scenario.run({ ...settings, log });
      const rows = compareWithBaseline(result.rows);
      console.log(formatTable(rows));
      for (const note of result.notes) console.log(`  note: ${note}`);
      reports.push({ name, description, ok: true, rows, notes: result.notes, seconds: seconds() });
    } catch (err) {
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      console.log(`CRASHED: ${error}`);
      reports.push({
        name,
        description,
        ok: false,
        error,
        rows: [],
        notes: [],
        seconds: seconds(),
      });
    }
  }

  const file = await writeResults(startedAt, {
    startedAt: startedAt.toISOString(),
    machine,
    othersCpuBefore,
    settings,
    scenarios: reports,
  });
  console.log(`\nresults: ${path.relative(process.cwd(), file)}`);
  return reports.every((r) => r.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
    void stopAllServers().finally(() => process.exit(1));
  },
);
