import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { countAsOurs } from './cpu';
import { freePort } from './port';
import { type ServerProcess, startServer } from './server-process';

export interface RunningRingside {
  server: ServerProcess;
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  mode: 'embedded' | 'scale';
  /** Stops the server and removes its data folder; resolves with how it exited. */
  stop(): Promise<string>;
}

/** Scale-mode settings taken from the bench's environment, so one bench measures both modes. */
function scaleEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET'] as const) {
    const value = env[name];
    if (value) out[name] = value;
  }
  // Scale mode refuses to start without a secret; a throwaway one is right for a bench.
  if (out.DATABASE_URL && !out.JWT_SECRET) {
    out.JWT_SECRET = randomBytes(36).toString('base64url'); // 48 characters
  }
  return out;
}

function isLocal(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

export interface StartRingsideOptions {
  /**
   * A DATA_DIR prepared beforehand (e.g. a seeded embedded database); the caller owns it and
   * removes it. Without one, a fresh folder is made and removed on stop.
   */
  dataDir?: string;
  /** Extra environment for the server (overrides what the bench's environment passes on). */
  env?: Record<string, string>;
  /** Node flags for the server process, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

/**
 * Starts `server/main.ts` (all roles, as a user would) on a free port with a fresh DATA_DIR
 * (or the one given), and waits for /health/ready.
 */
export async function startRingside(
  env: NodeJS.ProcessEnv = process.env,
  options: StartRingsideOptions = {},
): Promise<RunningRingside> {
  const port = await freePort();
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'ringside-bench-')));
  const removeDataDir = () =>
    ownDataDir ? rm(dataDir, { recursive: true, force: true }) : Promise.resolve();
  const baseUrl = `http://127.0.0.1:${port}`;
  const extra = { ...scaleEnv(env), ...options.env };
  // A local PostgreSQL or Redis works for Ringside: its CPU is not "other processes".
  if (isLocal(extra.DATABASE_URL)) countAsOurs('postgres');
  if (isLocal(extra.REDIS_URL)) countAsOurs('redis-server');
  let server: ServerProcess;
  try {
    server = await startServer({
      name: 'ringside',
      file: 'server/main.ts',
      nodeArgs: [
        ...(options.nodeArgs ?? []),
        // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the server, written when it stops (open it
        // in Chrome DevTools' Performance panel).
        ...(env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${env.BENCH_CPU_PROF}`] : []),
      ],
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        DEMO: 'false',
        // Only what scaleEnv passes on: an unset variable here must not leak from a stray shell.
        DATABASE_URL: undefined,
        REDIS_URL: undefined,
        JWT_SECRET: undefined,
        ...extra,
      },
      readyUrl: `${baseUrl}/health/ready`,
    });
  } catch (err) {
    await removeDataDir();
    throw err;
  }
  return {
    server,
    baseUrl,
    mode: extra.DATABASE_URL ? 'scale' : 'embedded',
    async stop() {
      const exit = await server.stop();
      await removeDataDir();
      return exit;
    },
  };
}
