import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../server/test/test-database';

/** The scale mode on one machine needs PostgreSQL and Redis: this runs in CI's second pass. */
const enabled = usingPostgres() && Boolean(process.env.REDIS_URL);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * The Ringside processes the primary runs (`server/main.ts --role=…`). Only those: tsx may also
 * leave an esbuild service process under the primary while its transform cache is cold.
 */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('--role='))
      .map((line) => Number.parseInt(line.trim(), 10))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 60_000,
  log: () => string = () => '',
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}\n${log().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.runIf(enabled)('npm run start:cluster', () => {
  let db: TestDatabase;
  let primary: ChildProcess;
  let port: number;
  let output = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    port = await freePort();
    primary = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve(import.meta.dirname, 'cluster.ts')],
      {
        env: {
          ...process.env,
          DATABASE_URL: db.url,
          PORT: String(port),
          JWT_SECRET: randomBytes(48).toString('base64'),
          LOG_LEVEL: 'warn',
          DEMO: 'false',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    primary.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    primary.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    // Four TypeScript processes start at once on a 2-core machine.
    await waitFor(
      'the cluster to be ready',
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
        return res.ok && childrenOf(primary.pid!).length === 4 ? true : undefined;
      },
      200_000,
      () => output,
    );
  }, 240_000);

  afterAll(async () => {
    if (primary.exitCode === null) primary.kill('SIGKILL');
    for (const pid of childrenOf(primary.pid!)) process.kill(pid, 'SIGKILL');
    await db?.drop();
  });

  it('runs two api processes, a worker and a scheduler, and serves on one port', async () => {
    expect(output).toContain('2 api, 1 worker, 1 scheduler');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status),
      ),
    );
    expect(answers.every((s) => s === 200)).toBe(true);
  });

  it('restarts a process that dies', async () => {
    const before = childrenOf(primary.pid!);
    process.kill(before[0]!, 'SIGKILL');
    await waitFor(
      'a replacement process',
      async () => {
        const now = childrenOf(primary.pid!);
        return now.length === 4 && !now.includes(before[0]!) ? true : undefined;
      },
      120_000,
      () => output,
    );
    await waitFor(
      'the api to answer again',
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
        return res.ok ? true : undefined;
      },
      120_000,
      () => output,
    );
    expect(output).toMatch(/process exited .*restarting/);
  }, 250_000);

  it('stops every process on SIGTERM within the shutdown bound', async () => {
    const children = childrenOf(primary.pid!);
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => primary.once('exit', resolve));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(12_000);
    for (const pid of children) expect(() => process.kill(pid, 0)).toThrow();
  }, 20_000);
});
