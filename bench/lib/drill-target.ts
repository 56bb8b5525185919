import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { type Database, openPglite, openPostgres } from '../../server/lib/db/database';
import { type RunningBaseline, startBaseline } from './baseline';
import { type PreparedDatabase, prepareCoreDatabase } from './core-database';
import { CORE_SIZE, type SeedSize } from './core-seed';
import { countAsOurs } from './cpu';
import { freePort } from './port';
import { type RunningRingside, startRingside } from './ringside';
import { startServer } from './server-process';
import { startAll } from './start-all';

/**
 * What a load drill runs against: a seeded Ringside in one of three modes, chosen by the
 * environment as an operator would choose it —
 * - embedded (nothing set): `server/main.ts` on a seeded PGlite folder;
 * - scale (DATABASE_URL and REDIS_URL): `server/main.ts` on a throwaway database on that server;
 * - cluster (DRILL_CLUSTER=1 besides both URLs): `scripts/cluster.ts` (what `npm run
 *   start:cluster` runs: 2 api processes on one port, a worker, a scheduler) on it.
 * Next to it, the bare-Fastify baseline of the same run.
 */
export type DrillMode = 'embedded' | 'scale' | 'cluster';

export interface DrillTarget {
  mode: DrillMode;
  db: PreparedDatabase;
  ringside: Pick<RunningRingside, 'baseUrl' | 'server'>;
  baseline: RunningBaseline;
  /** Stops both servers and discards the database. */
  stop(): Promise<string[]>;
}

export function drillMode(env: NodeJS.ProcessEnv = process.env): DrillMode {
  const cluster = env.DRILL_CLUSTER === '1' || env.DRILL_CLUSTER === 'true';
  if (!env.DATABASE_URL) {
    if (cluster) throw new Error('DRILL_CLUSTER needs DATABASE_URL and REDIS_URL');
    return 'embedded';
  }
  if (!env.REDIS_URL) throw new Error('scale mode drills need REDIS_URL beside DATABASE_URL');
  return cluster ? 'cluster' : 'scale';
}

/** DRILL_SCALE (0, 1]: the fraction of the bench's core data set (1,000 competitors) to seed. */
export function drillSeedSize(env: NodeJS.ProcessEnv = process.env): SeedSize {
  const scale = Number(env.DRILL_SCALE ?? '1');
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1) {
    throw new Error(`DRILL_SCALE: "${env.DRILL_SCALE}" is not a number in (0, 1]`);
  }
  return { ...CORE_SIZE, competitors: Math.max(1, Math.round(CORE_SIZE.competitors * scale)) };
}

export function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: "${raw}" is not > 0`);
  return value;
}

async function startCluster(
  databaseUrl: string,
  extraEnv: Record<string, string>,
): Promise<Pick<RunningRingside, 'baseUrl' | 'server' | 'stop'>> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const redisUrl = process.env.REDIS_URL!;
  if (['127.0.0.1', 'localhost'].includes(new URL(databaseUrl).hostname)) countAsOurs('postgres');
  if (['127.0.0.1', 'localhost'].includes(new URL(redisUrl).hostname)) countAsOurs('redis-server');
  const server = await startServer({
    name: 'cluster',
    file: 'scripts/cluster.ts',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO: 'false',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(36).toString('base64url'),
      ...extraEnv,
    },
    readyUrl: `${baseUrl}/health/ready`,
    // Four TypeScript processes start at once on a shared machine.
    readyTimeoutMs: 240_000,
  });
  return { baseUrl, server, stop: () => server.stop(30_000) };
}

/** Seeds, then starts the baseline and Ringside (in the mode the environment asks for). */
export async function startDrillTarget(
  log: (line: string) => void,
  options: {
    extraEnv?: Record<string, string>;
    /** Runs on the seeded database before any server opens it. */
    beforeStart?: (db: PreparedDatabase) => Promise<void>;
  } = {},
): Promise<DrillTarget> {
  const { extraEnv = {}, beforeStart } = options;
  const mode = drillMode();
  const size = drillSeedSize();
  log(`seeding ${size.competitors} competitors (${mode})`);
  const db = await prepareCoreDatabase(size);
  log(`seeded in ${db.seconds} s; starting the baseline and ringside (${mode})`);
  try {
    await beforeStart?.(db);
    const env = {
      // One person may send many requests in a drill; sign-in limits stay as they are.
      RATE_LIMIT_PER_USER_PER_MINUTE: '10000000',
      ...extraEnv,
    };
    const [baseline, ringside] = await startAll(
      startBaseline(),
      mode === 'cluster'
        ? startCluster(db.databaseUrl!, env)
        : startRingside(process.env, {
            ...(db.dataDir ? { dataDir: db.dataDir } : {}),
            env: { ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}), ...env },
          }),
    );
    return {
      mode,
      db,
      ringside,
      baseline,
      async stop() {
        const exits = await Promise.all([baseline.stop(), ringside.stop()]);
        await db.discard();
        return exits;
      },
    };
  } catch (err) {
    await db.discard();
    throw err;
  }
}

/** Opens the seeded database (embedded: its PGlite folder, before the server holds it). */
export async function openSeeded(db: PreparedDatabase): Promise<Database> {
  return db.databaseUrl
    ? openPostgres({ url: db.databaseUrl, poolSize: 2 })
    : openPglite({ dataDir: path.join(db.dataDir!, 'pglite') });
}

/** Signs in through the API and returns the Authorization header. */
export async function signIn(
  baseUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${body}`);
  return { authorization: `Bearer ${(JSON.parse(body) as { accessToken: string }).accessToken}` };
}
