/**
 * `npm run start:cluster`: the scale mode on one machine, against the PostgreSQL and Redis given
 * by DATABASE_URL and REDIS_URL — api processes sharing one port through Node's cluster module
 * (2 by default, CLUSTER_API_PROCESSES), one worker and one scheduler. A process that dies is
 * restarted; SIGTERM/SIGINT stop them all gracefully.
 */
import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';
import { ConfigError, loadConfig } from '../server/config';

type Role = 'api' | 'worker' | 'scheduler';

const MAX_RESTARTS_PER_MINUTE = 5;
const entry = path.resolve(import.meta.dirname, '../server/main.ts');

function plan(): Role[] {
  const apis = Number(process.env.CLUSTER_API_PROCESSES ?? 2);
  if (!Number.isInteger(apis) || apis < 1 || apis > 64) {
    throw new Error('CLUSTER_API_PROCESSES must be a whole number from 1 to 64');
  }
  return [...Array.from({ length: apis }, (): Role => 'api'), 'worker', 'scheduler'];
}

function checkEnvironment(): number {
  const config = loadConfig();
  const missing = [
    config.mode === 'embedded' ? 'DATABASE_URL' : undefined,
    config.redisUrl ? undefined : 'REDIS_URL',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map((variable) => ({
        variable: String(variable),
        message: 'is required by start:cluster (several processes share PostgreSQL and Redis)',
      })),
    );
  }
  return config.shutdownTimeoutMs;
}

function main(): void {
  let roles: Role[];
  let shutdownTimeoutMs: number;
  try {
    roles = plan();
    shutdownTimeoutMs = checkEnvironment();
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(err instanceof ConfigError ? 78 : 1);
  }

  const roleOf = new Map<Worker, Role>();
  const restarts: number[] = [];
  let stopping = false;

  // METRICS_PORT=9464 → each process its own /metrics port: 9464, 9465, … in start order (a
  // shared port would answer for a random process). A restarted process keeps its slot's port.
  const metricsBase = process.env.METRICS_PORT ? Number(process.env.METRICS_PORT) : undefined;
  const slotOf = new Map<Worker, number>();
  const start = (role: Role, slot: number) => {
    // The tsx loader flags of this process are inherited, so children run TypeScript too.
    cluster.setupPrimary({ exec: entry, args: [`--role=${role}`] });
    const child = cluster.fork({
      RINGSIDE_CLUSTER_ROLE: role,
      ...(metricsBase ? { METRICS_PORT: String(metricsBase + slot) } : {}),
    });
    roleOf.set(child, role);
    slotOf.set(child, slot);
  };

  cluster.on('exit', (child, code, signal) => {
    const role = roleOf.get(child) ?? 'api';
    const slot = slotOf.get(child) ?? 0;
    roleOf.delete(child);
    slotOf.delete(child);
    if (stopping) {
      if (roleOf.size === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && restarts[0]! < now - 60_000) restarts.shift();
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      process.stderr.write(`${role} process keeps exiting (code ${code}); giving up\n`);
      stopAll(1);
      return;
    }
    process.stderr.write(`${role} process exited (code ${code}, signal ${signal}); restarting\n`);
    setTimeout(() => start(role, slot), 1000);
  });

  const stopAll = (exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    for (const child of roleOf.keys()) child.process.kill('SIGTERM');
    // Children bound their own shutdown; this only guards against one that hangs.
    setTimeout(() => {
      for (const child of roleOf.keys()) child.process.kill('SIGKILL');
      process.exit(exitCode || 1);
    }, shutdownTimeoutMs + 2_000).unref();
    if (roleOf.size === 0) process.exit(exitCode);
  };
  process.on('SIGTERM', () => stopAll());
  process.on('SIGINT', () => stopAll());

  roles.forEach((role, slot) => start(role, slot));
  process.stdout.write(
    `Ringside cluster: ${roles.filter((r) => r === 'api').length} api, 1 worker, 1 scheduler ` +
      `(primary pid ${process.pid})\n`,
  );
}

if (cluster.isPrimary) main();
