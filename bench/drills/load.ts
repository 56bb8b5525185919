/**
 * `npm run drill:load`: 1000 concurrent connections for 60 s over a mix of authenticated reads
 * (card, card list, competitor list, search) on the core data set — the promise is 0 errors,
 * 0 timeouts and no answer other than 2xx. Prints req/s, p50/p99 per run and the bare-Fastify
 * baseline at the same connection count, and exits 1 when the promise is broken.
 *
 *   npm run drill:load                                   # embedded (PGlite)
 *   DATABASE_URL=… REDIS_URL=… npm run drill:load        # scale mode, one process
 *   DATABASE_URL=… REDIS_URL=… DRILL_CLUSTER=1 npm run drill:load   # start:cluster
 *
 * DRILL_CONNECTIONS (1000), DRILL_DURATION (60 s), DRILL_SCALE (1 = 1,000 competitors).
 */
import path from 'node:path';
import { searchQueries } from '../lib/corpus';
import { positiveNumber, signIn, startDrillTarget } from '../lib/drill-target';
import { runLoad } from '../lib/load';
import { writeResults } from '../lib/results-file';
import { slowAnswers } from '../lib/slow-answers';
import { stopAllServers } from '../lib/server-process';

const log = (line: string) => process.stderr.write(`  ${line}\n`);
const env = process.env;
const connections = positiveNumber(env, 'DRILL_CONNECTIONS', 1000);
const duration = positiveNumber(env, 'DRILL_DURATION', 60);
const warmup = 5;

process.once('SIGINT', () => void stopAllServers().then(() => process.exit(130)));

/**
 * Ten requests in every ten: six card reads (what sellers do most), a card list, a competitor
 * list, two searches among the words people type. Cards rotate over every card of the workspace.
 */
function mixOf(cardIds: string[], queries: string[]): () => string {
  let card = 0;
  let query = 0;
  let step = 0;
  const lists = ['/api/v1/battlecards?limit=20', '/api/v1/competitors?limit=20'];
  return () => {
    const slot = step++ % 10;
    if (slot < 6) return `/api/v1/battlecards/${cardIds[card++ % cardIds.length]}`;
    if (slot < 8) return lists[slot - 6]!;
    return `/api/v1/search?q=${encodeURIComponent(queries[query++ % queries.length]!)}`;
  };
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(1));

async function main(): Promise<number> {
  const startedAt = new Date();
  // Answers slower than this are logged by the server, to say which requests were slow.
  const target = await startDrillTarget(log, { extraEnv: { SLOW_REQUEST_MS: '3000' } });
  try {
    const { db, ringside, baseline } = target;
    const headers = await signIn(ringside.baseUrl, db.seeded.email, db.seeded.password);
    const queries = searchQueries(db.seeded.competitorNames);
    log(`${target.mode}: one pass over every path of the mix before the load`);
    const next = mixOf(db.seeded.cardIds, queries);
    const firstPass = Math.max(db.seeded.cardIds.length * 2, queries.length * 5);
    let left = firstPass;
    const problems: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (left-- > 0) {
          const path = next();
          const res = await fetch(`${ringside.baseUrl}${path}`, { headers });
          await res.arrayBuffer();
          if (res.status !== 200 && problems.length < 5) problems.push(`${res.status} ${path}`);
        }
      }),
    );
    if (problems.length > 0) throw new Error(`before the load: ${problems.join('; ')}`);

    log(`baseline: ${connections} connections, 10 s`);
    const base = await runLoad({ url: baseline.url, connections, duration: 10, warmup: 2 });
    log(`ringside mix: ${connections} connections, ${warmup} s warm-up + ${duration} s`);
    const run = await runLoad({
      url: `${ringside.baseUrl}/`,
      connections,
      duration,
      warmup,
      headers,
      nextPath: mixOf(db.seeded.cardIds, queries),
    });
    const codes = Object.entries(run.statusCodes)
      .map(([code, n]) => `${n}× ${code}`)
      .join(', ');
    const fivexx = Object.entries(run.statusCodes)
      .filter(([code]) => code.startsWith('5'))
      .reduce((sum, [, n]) => sum + n, 0);
    const w = run.warmupProblems;
    const { counts } = db.seeded;
    console.log(
      [
        `drill:load — ${target.mode} mode, ${connections} connections, ${duration} s measured ` +
          `(after ${warmup} s warm-up), data: ${counts.competitors} competitors, ${counts.evidence} ` +
          `evidence, ${counts.battlecards} cards; mix per 10 requests: 6 card reads, 1 card list, ` +
          `1 competitor list, 2 searches (one seller's token; per-user limit raised)`,
        `  ringside mix : ${fmt(run.reqPerSec)} req/s, p50 ${fmt(run.latencyP50Ms)} ms, ` +
          `p99 ${fmt(run.latencyP99Ms)} ms, ${run.responses} answers (${codes || 'none'}), ` +
          `${run.errors} errors, ${run.timeouts} timeouts, ${fivexx} 5xx, in flight ~${run.inFlight}`,
        `  baseline     : ${fmt(base.reqPerSec)} req/s, p50 ${fmt(base.latencyP50Ms)} ms, ` +
          `p99 ${fmt(base.latencyP99Ms)} ms (bare Fastify, 2 kB from memory, same run) → ` +
          `mix at ${((100 * run.reqPerSec) / Math.max(1, base.reqPerSec)).toFixed(0)} % of it`,
        `  warm-up      : ${w.errors} errors, ${w.timeouts} timeouts, ${w.non2xx} non-2xx`,
      ].join('\n'),
    );
    const broken: string[] = [];
    if (run.errors > 0) broken.push(`${run.errors} connection errors`);
    if (run.timeouts > 0) broken.push(`${run.timeouts} timeouts`);
    if (run.non2xx > 0) broken.push(`${run.non2xx} non-2xx answers (${codes})`);
    if (run.responses === 0) broken.push('no answers at all');
    console.log(
      broken.length === 0
        ? '  PASS: 0 errors, 0 timeouts, 0 5xx, every answer 2xx'
        : `  FAIL: ${broken.join('; ')}`,
    );
    // What the server logged about failures (the last few), to say why without a rerun.
    const failureLines = ringside.server
      .output()
      .split('\n')
      .filter((line) => /"level":(50|60)/.test(line))
      .slice(-3);
    for (const line of failureLines) console.log(`  server: ${line.slice(0, 400)}`);
    const slow = slowAnswers(ringside.server.output());
    if (slow) console.log(`  answered after ≥ 3 s (server's own timing): ${slow}`);
    const file = await writeResults(
      startedAt,
      {
        drill: 'load',
        mode: target.mode,
        connections,
        duration,
        counts,
        run,
        baseline: base,
        broken,
      },
      `drill-load-${target.mode}`,
    );
    console.log(`  results: ${path.relative(process.cwd(), file)}`);
    return broken.length === 0 ? 0 : 1;
  } finally {
    const exits = await target.stop();
    if (exits.some((e) => e !== 'code 0')) log(`servers stopped: ${exits.join(', ')}`);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`drill:load crashed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(2);
  },
);
