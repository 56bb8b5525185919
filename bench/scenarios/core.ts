import { startBaseline } from '../lib/baseline';
import { type PreparedDatabase, prepareCoreDatabase } from '../lib/core-database';
import { CORE_SIZE, type SeedSize } from '../lib/core-seed';
import { coldSearchQueries, searchQueries } from '../lib/corpus';
import { measure } from '../lib/measure';
import { type RunningRingside, startRingside } from '../lib/ringside';
import type { ResultRow, Scenario } from '../lib/scenario';
import { startAll } from '../lib/start-all';

/** The targets for this scenario. */
const CARD_MIN_VS_BASELINE = 0.25;
const SEARCH_MAX_P99_MS = 100;
const SEARCH_TARGET_CONNECTIONS = 100;
/** The mixed search row: one request in this many asks something never asked before. */
const MIXED_NEW_EVERY = 5;
/** New queries for each of the two rows that send them (the first half, then the second). */
const COLD_QUERIES = 5_000;

/** BENCH_CORE_SCALE=0.1 seeds a tenth of the data (quicker while developing the bench). */
function seedSize(env: NodeJS.ProcessEnv): SeedSize {
  const scale = Number(env.BENCH_CORE_SCALE ?? '1');
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1) {
    throw new Error(`BENCH_CORE_SCALE: "${env.BENCH_CORE_SCALE}" is not a number in (0, 1]`);
  }
  return { ...CORE_SIZE, competitors: Math.max(1, Math.round(CORE_SIZE.competitors * scale)) };
}

/** Signs in as the seeded person; an access token lasts 15 minutes, so once per measurement. */
async function signIn(
  ringside: RunningRingside,
  db: PreparedDatabase,
): Promise<Record<string, string>> {
  const response = await fetch(`${ringside.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: db.seeded.email, password: db.seeded.password }),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${body}`);
  const { accessToken } = JSON.parse(body) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

/** Round-robin over `items`, shared by every connection of a run. */
function rotation<T>(items: T[], toPath: (item: T) => string): () => string {
  let next = 0;
  return () => toPath(items[next++ % items.length]!);
}

/**
 * Mostly repeated queries, with a query never asked before every `newEvery`-th request: people
 * retype and share searches, and also type new ones.
 */
function mixedRotation(
  repeated: string[],
  fresh: string[],
  newEvery: number,
  toPath: (item: string) => string,
): () => string {
  let sent = 0;
  let nextFresh = 0;
  return () => {
    sent++;
    return toPath(
      sent % newEvery === 0
        ? fresh[nextFresh++ % fresh.length]!
        : repeated[sent % repeated.length]!,
    );
  };
}

/** One measured row: where its requests go, and what to ask once before it (cache warm-up). */
interface Target {
  target: string;
  nextPath: () => string;
  warm?: number;
  /** The warm-up's requests, when not the row's own. */
  warmPath?: () => string;
}

/** What one request answers before the load starts: the bench says so if a route is missing. */
async function firstAnswer(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(url, { headers });
  const body = await response.text();
  return response.status === 200 ? 'ok' : `${response.status} ${body.slice(0, 200)}`;
}

/** Asks for the next `count` paths of a rotation, a few at a time, and ignores the answers. */
async function warmUp(
  baseUrl: string,
  nextPath: () => string,
  count: number,
  headers: Record<string, string>,
): Promise<void> {
  let left = count;
  const worker = async () => {
    while (left-- > 0) await (await fetch(`${baseUrl}${nextPath()}`, { headers })).arrayBuffer();
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

function verdicts(rows: ResultRow[]): string[] {
  const notes: string[] = [];
  for (const card of rows.filter((r) => r.target.startsWith('card'))) {
    const base = rows.find((r) => r.baseline && r.connections === card.connections);
    if (!base || base.reqPerSec === 0) continue;
    const ratio = card.reqPerSec / base.reqPerSec;
    const failures = card.errors + card.timeouts + card.non2xx;
    const met = ratio >= CARD_MIN_VS_BASELINE && failures === 0;
    notes.push(
      `target card read ≥ ${CARD_MIN_VS_BASELINE * 100}% of baseline req/s with 0 errors @ ${card.connections}: ` +
        `${met ? 'MET' : 'MISSED'} (${(ratio * 100).toFixed(0)}%, ${failures} failed)`,
    );
  }
  const search = rows.find(
    (r) => r.target === 'search' && r.connections === SEARCH_TARGET_CONNECTIONS,
  );
  notes.push(
    search
      ? `target search p99 < ${SEARCH_MAX_P99_MS} ms @ ${SEARCH_TARGET_CONNECTIONS}: ` +
          `${search.latencyP99Ms < SEARCH_MAX_P99_MS && search.non2xx + search.errors + search.timeouts === 0 ? 'MET' : 'MISSED'} ` +
          `(p99 ${search.latencyP99Ms.toFixed(0)} ms)`
      : `target search p99 < ${SEARCH_MAX_P99_MS} ms @ ${SEARCH_TARGET_CONNECTIONS}: not measured (BENCH_CONNECTIONS)`,
  );
  return notes;
}

/**
 * The core product under realistic data: 1,000 competitors, 20,000 evidence documents and
 * 2,000 battlecards of ~15 cited claims, seeded before the server starts. Measures the
 * authenticated card read (rotating over every card) and search (rotating over words people
 * type), next to the bare-Fastify baseline.
 */
export const coreScenario: Scenario = {
  name: 'core',
  description: 'battlecard read and search over 1,000 competitors / 20,000 evidence / 2,000 cards',
  async run(context) {
    const notes: string[] = [];
    const rows: ResultRow[] = [];
    const size = seedSize(process.env);
    context.log(
      `  seeding ${size.competitors} competitors (${process.env.DATABASE_URL ? 'scale' : 'embedded'})`,
    );
    const db = await prepareCoreDatabase(size);
    const { counts } = db.seeded;
    notes.push(
      `seeded in ${db.seconds} s: ${counts.competitors} competitors, ${counts.evidence} evidence, ` +
        `${counts.battlecards} battlecards, ${counts.claims} claims`,
    );
    try {
      context.log('  starting baseline and ringside servers');
      const [baseline, ringside] = await startAll(
        startBaseline(),
        startRingside(process.env, {
          ...(db.dataDir ? { dataDir: db.dataDir } : {}),
          env: {
            ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
            // One person sends every request here; the per-person limit would answer 429.
            RATE_LIMIT_PER_USER_PER_MINUTE: '10000000',
          },
        }),
      );
      try {
        notes.push(`ringside mode: ${ringside.mode}`);
        const cards = db.seeded.cardIds;
        const queries = searchQueries(db.seeded.competitorNames);
        const newQueries = coldSearchQueries(db.seeded.competitorNames, COLD_QUERIES * 2);
        const cold = newQueries.slice(0, COLD_QUERIES);
        const mixedFresh = newQueries.slice(COLD_QUERIES);
        const cardPath = () => rotation(cards, (id) => `/api/v1/battlecards/${id}`);
        const searchPath = (list: string[]) =>
          rotation(list, (q) => `/api/v1/search?q=${encodeURIComponent(q)}`);
        notes.push(
          `signed in as a seller (viewer): cards are read as their published version; ` +
            `card read rotates over ${cards.length} cards and search over ${queries.length} queries ` +
            `(${queries.slice(0, 4).join(', ')}, …), each asked for once before its measurement, so ` +
            `these rows show the steady state of the card cache and the search result cache; ` +
            `"search, new words" sends a query ` +
            `not seen before on (almost) every request (${cold.length} two-word combinations, measured ` +
            `at ≤ ${SEARCH_TARGET_CONNECTIONS} connections), so it shows the database's full-text search; ` +
            `"search, mixed" sends the repeated queries (warmed again just before) with a query never ` +
            `asked before (from another ${mixedFresh.length}) every ${MIXED_NEW_EVERY}th request ` +
            `(${100 / MIXED_NEW_EVERY} % new)`,
        );
        const first = await signIn(ringside, db);
        for (const [what, path] of [
          ['card read', cardPath()()],
          ['search', searchPath(queries)()],
        ] as const) {
          const answer = await firstAnswer(`${ringside.baseUrl}${path}`, first);
          if (answer !== 'ok') notes.push(`before the load, ${what} ${path} answered ${answer}`);
        }

        for (const connections of context.connections) {
          rows.push(
            await measure(
              context,
              {
                server: baseline.server,
                target: 'baseline /baseline',
                url: baseline.url,
                baseline: true,
                connections,
              },
              notes,
            ),
          );
          const targets: Target[] = [
            { target: 'card GET /battlecards/:id', nextPath: cardPath(), warm: cards.length },
            { target: 'search', nextPath: searchPath(queries), warm: queries.length },
            // Cache misses queue behind each other in the database; at 1000 connections they
            // would only time out, and leave a backlog that slows the measurements after it.
            ...(connections <= SEARCH_TARGET_CONNECTIONS
              ? [
                  { target: 'search, new words', nextPath: searchPath(cold) },
                  {
                    target: `search, mixed (${100 / MIXED_NEW_EVERY} % new)`,
                    nextPath: mixedRotation(
                      queries,
                      mixedFresh,
                      MIXED_NEW_EVERY,
                      (q) => `/api/v1/search?q=${encodeURIComponent(q)}`,
                    ),
                    warmPath: searchPath(queries),
                    warm: queries.length,
                  },
                ]
              : []),
          ];
          for (const { warm, warmPath, ...t } of targets) {
            const headers = await signIn(ringside, db);
            // Cards and repeated searches are answered from caches: ask for each once first,
            // so the row measures that steady state ("search, new words" measures misses).
            await warmUp(ringside.baseUrl, warmPath ?? t.nextPath, warm ?? 0, headers);
            rows.push(
              await measure(
                context,
                {
                  server: ringside.server,
                  url: `${ringside.baseUrl}/`,
                  headers,
                  connections,
                  ...t,
                },
                notes,
              ),
            );
          }
        }
      } finally {
        const exits = await Promise.all([baseline.stop(), ringside.stop()]);
        exits.forEach((exit, i) => {
          if (exit !== 'code 0')
            notes.push(`${i === 0 ? 'baseline' : 'ringside'} stopped: ${exit}`);
        });
      }
    } finally {
      await db.discard();
    }
    notes.push(...verdicts(rows));
    return { rows, notes };
  },
};
