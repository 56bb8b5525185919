import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { childrenOf } from './proc';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const OUTPUT_TAIL_CHARS = 16_000;

export interface StartServerOptions {
  /** A short name for messages, e.g. "ringside". */
  name: string;
  /** The TypeScript entry file, relative to the project root. */
  file: string;
  args?: string[];
  /**
   * Node flags (e.g. `--cpu-prof`): the server then runs as `node <flags> --import tsx <file>`
   * rather than through tsx's launcher, which does not pass them on.
   */
  nodeArgs?: string[];
  /** Added to (and overriding) the bench's own environment. */
  env?: Record<string, string | undefined>;
  /** Polled until it answers 200. */
  readyUrl: string;
  readyTimeoutMs?: number;
}

export interface ServerProcess {
  readonly name: string;
  readonly pid: number;
  /** The last few kB of what the server wrote to stdout and stderr. */
  output(): string;
  /** Lines the server wrote since it started (a log line per line). */
  lineCount(): number;
  /** Null while running; the exit code or signal once it has exited. */
  exited(): string | null;
  /**
   * SIGTERM, then SIGKILL to the process group if it has not exited within the grace period.
   * Resolves with how it exited, e.g. "code 0".
   */
  stop(graceMs?: number): Promise<string>;
}

const live = new Set<ChildProcess>();

// Servers run in their own process group (so none outlives the bench); kill them if we exit early.
process.on('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Process-group ids of the servers still running (each is its own group). */
export function serverGroups(): number[] {
  return [...live].flatMap((child) => (child.pid === undefined ? [] : [child.pid]));
}

/** Stops every server still running (for SIGINT handlers). */
export async function stopAllServers(): Promise<void> {
  await Promise.all(
    [...live].map(async (child) => {
      killGroup(child, 'SIGKILL');
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise((resolve) => child.once('exit', resolve));
      }
    }),
  );
}

/**
 * Spawns `./node_modules/.bin/tsx <file>` (not npx: killing npx leaves its child running) and
 * resolves once `readyUrl` answers 200. On failure, the error carries the server's output.
 */
export async function startServer(options: StartServerOptions): Promise<ServerProcess> {
  const [command, args] = options.nodeArgs?.length
    ? [process.execPath, [...options.nodeArgs, '--import', 'tsx', options.file]]
    : [TSX, [options.file]];
  const child = spawn(command, [...args, ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  live.add(child);
  let tail = '';
  let lines = 0;
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    lines += text.split('\n').length - 1;
    tail = (tail + text).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  let exitStatus: string | null = null;
  let spawnError: Error | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('error', (err) => {
      spawnError = err;
      exitStatus ??= `spawn error: ${err.message}`;
      live.delete(child);
      resolve();
    });
    child.once('exit', (code, signal) => {
      exitStatus = signal ? `signal ${signal}` : `code ${code}`;
      live.delete(child);
      resolve();
    });
  });

  const server: ServerProcess = {
    name: options.name,
    pid: child.pid ?? -1,
    output: () => tail,
    lineCount: () => lines,
    exited: () => exitStatus,
    async stop(graceMs = 15_000) {
      if (exitStatus !== null) return exitStatus;
      // To the node process tsx runs, not to tsx: tsx relays a signal it gets and SIGKILLs the
      // server unless it acknowledges within 30 ms, which a busy server misses (exit 143, no
      // graceful shutdown). tsx exits with the server's code.
      const servers = child.pid === undefined ? [] : childrenOf(child.pid);
      if (servers.length === 0) child.kill('SIGTERM');
      for (const pid of servers) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      let forced = false;
      const timer = setTimeout(() => {
        forced = true;
        killGroup(child, 'SIGKILL');
      }, graceMs);
      await exitPromise;
      clearTimeout(timer);
      killGroup(child, 'SIGKILL'); // anything the server left behind in its group
      return forced ? `killed after ${graceMs / 1000} s grace` : (exitStatus ?? 'unknown');
    },
  };

  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (exitStatus !== null) break;
    try {
      const response = await fetch(options.readyUrl, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return server;
      lastProblem = `HTTP ${response.status}`;
    } catch (err) {
      lastProblem = err instanceof Error ? err.message : String(err);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // Read through the accessor: TypeScript cannot see the exit handler assign exitStatus.
  const exited = server.exited();
  const why =
    exited !== null
      ? `exited (${exited}) before answering`
      : `did not answer 200 within ${timeoutMs / 1000} s (last: ${lastProblem})`;
  await server.stop(5_000);
  throw new Error(
    `${options.name} (${options.file}) ${why} at ${options.readyUrl}` +
      (spawnError ? `\n${spawnError.message}` : '') +
      `\n--- its output (last ${OUTPUT_TAIL_CHARS / 1000} kB) ---\n${tail.trimEnd() || '(none)'}`,
  );
}
