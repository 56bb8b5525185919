/**
 * `npm run drill:worker-kill` — kills a worker with SIGKILL mid-generation and checks the job
 * completes exactly once after a new worker starts. Prints what it measured; exits 1 when a
 * promise is broken, 2 when it cannot run.
 *
 * Needs DATABASE_URL (a PostgreSQL server; the drill creates and drops a database of its own)
 * and uses REDIS_URL when set. Options: --documents=N (default 50), --timeout=S (the
 * generation timeout given to the workers, default 20).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres } from '../../server/lib/db/database';
import { runWorkerKillDrill } from './worker-kill-drill';

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number`);
  return value;
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    process.stderr.write('drill:worker-kill needs DATABASE_URL (PostgreSQL).\n');
    return 2;
  }
  const name = `ringside_drill_${randomBytes(5).toString('hex')}`;
  await admin(base, `create database "${name}"`);
  const parsed = new URL(base);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  try {
    const database = await openPostgres({ url, poolSize: 2 });
    await database.migrate();
    await database.close();
    const started = Date.now();
    const report = await runWorkerKillDrill({
      databaseUrl: url,
      redisUrl: process.env.REDIS_URL,
      documents: option('documents', 50),
      generationTimeoutSeconds: option('timeout', 20),
      say: (line) => process.stdout.write(`  ${line}\n`),
    });
    const { problems, ...figures } = report;
    process.stdout.write(`\nworker-kill drill (${Math.round((Date.now() - started) / 1000)} s)\n`);
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    if (problems.length > 0) {
      process.stdout.write(`\nFAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return 1;
    }
    process.stdout.write(
      `\nPASSED: killed at "${report.killedAt.stage}" ${report.killedAt.percent}%, completed ` +
        `once after ${report.recoveryMs} ms (attempt ${report.job.attempts}), ${report.claims} claims, no duplicates\n`,
    );
    return 0;
  } finally {
    await admin(base, `drop database if exists "${name}" with (force)`);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`drill:worker-kill could not run: ${String(err)}\n`);
    process.exit(2);
  },
);
