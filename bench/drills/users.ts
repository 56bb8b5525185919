/**
 * `npm run drill:users`: 100 people using Ringside at once, each in their own account — sign
 * in (on arrival, spread over the first 5 s), then over and over: search (a few letters, then
 * the words), open a card, copy an objection response, open analytics (overview and trends) —
 * with a think time between steps, for 60 s, after a 10 s warm-up of the same (a server just
 * started: compiling its code, filling its caches — reported apart, like every measurement's
 * warm-up). The promise:
 * average response time < 200 ms and p99 < 500 ms over every request, none failed. The same
 * people, steps and think times are first run against the bare-Fastify baseline (every request
 * answered with 2 kB from memory), so the figures can be read against this machine's floor.
 * Exits 1 when the promise is broken.
 *
 *   npm run drill:users                                  # embedded (PGlite)
 *   DATABASE_URL=… REDIS_URL=… npm run drill:users       # scale mode, one process
 *   DATABASE_URL=… REDIS_URL=… DRILL_CLUSTER=1 npm run drill:users  # start:cluster
 *
 * DRILL_USERS (100), DRILL_DURATION (60 s), DRILL_WARMUP (10 s), DRILL_THINK_MS (1000: each
 * pause 0.5–1.5×),
 * DRILL_SCALE (1 = 1,000 competitors).
 */
import path from 'node:path';
import { searchQueries } from '../lib/corpus';
import { type Seller, addSellers } from '../lib/drill-sellers';
import { positiveNumber, startDrillTarget } from '../lib/drill-target';
import { writeResults } from '../lib/results-file';
import { slowAnswers } from '../lib/slow-answers';
import { stopAllServers } from '../lib/server-process';
import { type StepStats, Steps } from '../lib/steps';

const log = (line: string) => process.stderr.write(`  ${line}\n`);
const env = process.env;
const users = positiveNumber(env, 'DRILL_USERS', 100);
const duration = positiveNumber(env, 'DRILL_DURATION', 60);
const baselineDuration = Math.min(duration, 20);
const warmup = positiveNumber(env, 'DRILL_WARMUP', 10);
const thinkMs = positiveNumber(env, 'DRILL_THINK_MS', 1000);
const MAX_AVERAGE_MS = 200;
const MAX_P99_MS = 500;

process.once('SIGINT', () => void stopAllServers().then(() => process.exit(130)));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const think = () => sleep(thinkMs * (0.5 + Math.random()));

interface Plan {
  baseUrl: string;
  /** Every request goes here instead (the baseline run), with the same steps and pauses. */
  only?: string;
  sellers: Seller[];
  cardIds: string[];
  queries: string[];
}

/** One person's visits, repeated until `until`: every request timed and recorded. */
async function person(plan: Plan, index: number, steps: Steps, until: number): Promise<void> {
  const seller = plan.sellers[index % plan.sellers.length]!;
  // Each person has their own address, as behind a proxy (TRUST_PROXY): sign-in limits are
  // per address and per account, and 100 people are not one address.
  const forwarded = { 'x-forwarded-for': `10.77.${(index >> 8) & 255}.${index & 255}` };
  const call = async (step: string, path: string, init: RequestInit = {}): Promise<string> => {
    const url = plan.only ?? `${plan.baseUrl}${path}`;
    const started = performance.now();
    let status = 0;
    let body = '';
    try {
      const res = await fetch(url, plan.only ? {} : init);
      body = await res.text();
      status = res.status;
    } catch {
      status = 0;
    }
    steps.record(
      step,
      performance.now() - started,
      status,
      `${status} ${path} ${body.slice(0, 120)}`,
    );
    return status >= 200 && status < 300 ? body : '';
  };
  let visit = index;
  let headers: Record<string, string> | undefined;
  await sleep(Math.random() * 5_000); // people arrive over the first seconds
  while (performance.now() < until) {
    visit += plan.sellers.length;
    // A person signs in when they arrive (and again should that fail), then works: an access
    // token lasts 15 minutes, longer than the drill.
    if (!headers) {
      const signedIn = await call('sign in', '/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...forwarded },
        body: JSON.stringify({ email: seller.email, password: seller.password }),
      });
      const token = plan.only
        ? 'baseline'
        : (JSON.parse(signedIn || '{}') as { accessToken?: string }).accessToken;
      await think();
      if (!token) continue;
      headers = { authorization: `Bearer ${token}`, ...forwarded };
    }
    const query = plan.queries[visit % plan.queries.length]!;
    // Typing: the first letters, then the words.
    await call('search', `/api/v1/search?q=${encodeURIComponent(query.slice(0, 4))}`, { headers });
    await call('search', `/api/v1/search?q=${encodeURIComponent(query)}`, { headers });
    await think();
    const cardId = plan.cardIds[(visit * 7919) % plan.cardIds.length]!;
    const card = await call('open card', `/api/v1/battlecards/${cardId}`, { headers });
    await think();
    const objections = plan.only
      ? undefined
      : (
          JSON.parse(card || '{}') as { sections?: { key: string; claims: { id: string }[] }[] }
        ).sections?.find((s) => s.key === 'objections')?.claims[0];
    await call('copy response', '/api/v1/analytics/events', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'response.copied',
        battlecardId: cardId,
        ...(objections ? { claimId: objections.id } : {}),
      }),
    });
    await think();
    await call('analytics', '/api/v1/analytics/overview', { headers });
    await call('analytics', '/api/v1/analytics/trends?interval=week', { headers });
    await think();
  }
}

async function runPeople(plan: Plan, seconds: number): Promise<Steps> {
  const steps = new Steps();
  const until = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: users }, (_, i) => person(plan, i, steps, until)));
  return steps;
}

const row = (name: string, s: StepStats) =>
  `  ${name.padEnd(14)} ${String(s.count).padStart(7)} ${s.averageMs.toFixed(1).padStart(9)} ` +
  `${s.p50Ms.toFixed(1).padStart(8)} ${s.p99Ms.toFixed(1).padStart(8)} ${String(s.failed).padStart(7)}`;

/** The server's own timing of the answers it gave after the p99 promise, by route. */
function slowLines(output: string): string[] {
  const slow = slowAnswers(output);
  return slow
    ? [`  answered after ≥ ${MAX_P99_MS} ms, warm-up included (server's own timing): ${slow}`]
    : [];
}

async function main(): Promise<number> {
  const startedAt = new Date();
  let sellers: Seller[] = [];
  const target = await startDrillTarget(log, {
    // Answers slower than SLOW_REQUEST_MS are logged by the server: which requests were slow.
    extraEnv: { TRUST_PROXY: '127.0.0.1', SLOW_REQUEST_MS: String(MAX_P99_MS) },
    beforeStart: async (db) => {
      sellers = await addSellers(db, users);
    },
  });
  try {
    const { db, ringside, baseline } = target;
    const plan: Plan = {
      baseUrl: ringside.baseUrl,
      sellers,
      cardIds: db.seeded.cardIds,
      queries: searchQueries(db.seeded.competitorNames),
    };
    log(`baseline: ${users} people, ${baselineDuration} s`);
    const base = await runPeople({ ...plan, only: baseline.url }, baselineDuration);
    log(`ringside (${target.mode}): warm-up, ${users} people, ${warmup} s`);
    const warm = (await runPeople(plan, warmup)).total();
    log(`ringside (${target.mode}): ${users} people, ${duration} s, think ${thinkMs} ms`);
    const steps = await runPeople(plan, duration);
    const all = steps.total();
    const { counts } = db.seeded;
    console.log(
      [
        `drill:users — ${target.mode} mode, ${users} people (own accounts, sellers), ${duration} s, ` +
          `think time ${thinkMs * 0.5}–${thinkMs * 1.5} ms between steps; data: ` +
          `${counts.competitors} competitors, ${counts.evidence} evidence, ${counts.battlecards} cards`,
        `  ${'step'.padEnd(14)} ${'count'.padStart(7)} ${'avg ms'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'failed'.padStart(7)}`,
        ...steps.names().map((name) => row(name, steps.of(name))),
        row('all', all),
        row('baseline', base.total()) +
          `   (same people and pauses, every request to bare Fastify; ${(base.total().count / baselineDuration).toFixed(0)} req/s)`,
        `  ringside answered ${(all.count / duration).toFixed(0)} req/s`,
        `  warm-up, first ${warmup} s after start (not counted): ${warm.count} requests, avg ${warm.averageMs.toFixed(0)} ms, p99 ${warm.p99Ms.toFixed(0)} ms, ${warm.failed} failed`,
        `  p99 per 10 s: ${steps
          .windows(10_000)
          .map((w) => `${w.fromMs / 1000}–${w.fromMs / 1000 + 10} s ${w.stats.p99Ms.toFixed(0)} ms`)
          .join(' · ')}`,
        ...steps.failures().map((f) => `  failed: ${f}`),
        ...slowLines(ringside.server.output()),
      ].join('\n'),
    );
    const broken: string[] = [];
    if (all.count === 0) broken.push('no requests were answered');
    if (all.averageMs >= MAX_AVERAGE_MS)
      broken.push(`average ${all.averageMs.toFixed(0)} ms ≥ ${MAX_AVERAGE_MS}`);
    if (all.p99Ms >= MAX_P99_MS) broken.push(`p99 ${all.p99Ms.toFixed(0)} ms ≥ ${MAX_P99_MS}`);
    if (all.failed > 0) broken.push(`${all.failed} requests failed`);
    console.log(
      broken.length === 0
        ? `  PASS: average ${all.averageMs.toFixed(0)} ms < ${MAX_AVERAGE_MS}, p99 ${all.p99Ms.toFixed(0)} ms < ${MAX_P99_MS}, none failed`
        : `  FAIL: ${broken.join('; ')}`,
    );
    // What the server logged about failures (the last few), to say why without a rerun.
    const failureLines = ringside.server
      .output()
      .split('\n')
      .filter((line) => /"level":(50|60)/.test(line))
      .slice(-3);
    for (const line of failureLines) console.log(`  server: ${line.slice(0, 400)}`);
    const file = await writeResults(
      startedAt,
      {
        drill: 'users',
        mode: target.mode,
        users,
        duration,
        thinkMs,
        counts,
        steps: Object.fromEntries(steps.names().map((name) => [name, steps.of(name)])),
        all,
        warmup: { seconds: warmup, ...warm },
        baseline: base.total(),
        broken,
      },
      `drill-users-${target.mode}`,
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
    process.stderr.write(
      `drill:users crashed: ${err instanceof Error ? err.stack : String(err)}\n`,
    );
    process.exit(2);
  },
);
