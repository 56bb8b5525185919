import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config';
import type { Logger } from './lib/logger';
import { type MetricsServer, startMetricsServer } from './lib/metrics/metrics-server';
import { renderMetrics } from './http/metrics';
import { Scheduler } from './lib/scheduler';
import { modules } from './modules';
import { announceDemoSignIn } from './modules/demo/demo-announce';
import { ensureDemoWorkspace } from './modules/demo/demo.service';
import { type ServiceOverrides, type Services, closeServices, createServices } from './services';

export type Role = 'api' | 'worker' | 'scheduler';
export const ALL_ROLES: Role[] = ['api', 'worker', 'scheduler'];

/** `--role=api,worker` → those roles; no flag or `--role=all` → all three in one process. */
export function parseRoles(argv: string[]): Role[] {
  const arg = argv.find((a) => a.startsWith('--role='));
  if (!arg || arg === '--role=all') return ALL_ROLES;
  const roles = arg
    .slice('--role='.length)
    .split(',')
    .map((r) => r.trim());
  const bad = roles.filter((r) => !ALL_ROLES.includes(r as Role));
  if (bad.length > 0 || roles.length === 0) {
    throw new Error(
      `--role must be all or a list of ${ALL_ROLES.join(', ')}; got "${bad.join(',')}"`,
    );
  }
  return roles as Role[];
}

export interface Runtime {
  services: Services;
  app: FastifyInstance | undefined;
  scheduler: Scheduler | undefined;
  /** The address the api role listens on, e.g. http://127.0.0.1:3000. */
  address: string | undefined;
  /** The separate /metrics listener, when METRICS_PORT is set. */
  metrics: MetricsServer | undefined;
  /** Stops accepting, answers in-flight requests, stops jobs, closes pools. */
  shutdown(): Promise<void>;
}

export interface RuntimeOptions {
  /** Lets a caller add to the app before it listens (tests, tools). */
  configureApp?(app: FastifyInstance): void | Promise<void>;
  /** E.g. a Redis key prefix of its own, so test processes share nothing with others. */
  serviceOverrides?: ServiceOverrides;
  /** Runs before the job queue starts, e.g. to register job kinds only a test uses. */
  prepare?(services: Services): void;
}

export async function startRuntime(
  config: Config,
  roles: Role[],
  log: Logger,
  options: RuntimeOptions = {},
): Promise<Runtime> {
  const services = await createServices(config, log, options.serviceOverrides);
  options.prepare?.(services);
  let app: FastifyInstance | undefined;
  let scheduler: Scheduler | undefined;
  let metrics: MetricsServer | undefined;
  try {
    await services.database.migrate();
    await services.jobs.start({
      work: roles.includes('worker'),
      supervise: roles.includes('scheduler'),
      maintenanceIntervalSeconds: config.jobs.maintenanceSeconds,
    });
    if (roles.includes('scheduler')) {
      scheduler = new Scheduler(
        services.database,
        log.child({ role: 'scheduler' }),
        modules.flatMap((m) => m.tasks?.(services) ?? []),
      );
      await scheduler.start();
    }
    let address: string | undefined;
    if (roles.includes('api')) {
      // First start of an empty embedded installation: a demo to sign in to (DEMO=false: none).
      const demo = await ensureDemoWorkspace(services);
      app = await buildApp(services);
      await options.configureApp?.(app);
      // A deep accept queue: bursts of new connections wait instead of being dropped by the kernel.
      address = await app.listen({ port: config.port, host: config.host, backlog: 4096 });
      if (demo) announceDemoSignIn(demo, log);
    }
    if (config.metricsPort !== undefined) {
      const appRegistry = app?.metricsRegistry;
      metrics = await startMetricsServer(
        config.metricsPort,
        config.host,
        () => renderMetrics(appRegistry),
        log,
      );
    }
    log.info(
      { roles, mode: config.mode, database: services.database.kind, address },
      'Ringside started',
    );

    let closing: Promise<void> | undefined;
    const shutdown = () =>
      (closing ??= (async () => {
        if (app) await drainConnections(app, config.shutdownDrainMs);
        await app?.close();
        await scheduler?.stop();
        await closeServices(services);
        await metrics?.close();
      })());
    return { services, app, scheduler, address, metrics, shutdown };
  } catch (err) {
    await metrics?.close().catch(() => {});
    await app?.close().catch(() => {});
    await scheduler?.stop().catch(() => {});
    await closeServices(services).catch(() => {});
    throw err;
  }
}

/**
 * SIGTERM/SIGINT: a graceful shutdown, bounded by SHUTDOWN_TIMEOUT_MS; a second signal or the
 * deadline exits at once.
 */
export function installSignalHandlers(runtime: Runtime, log: Logger, timeoutMs: number): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      log.warn({ signal }, 'second signal; exiting now');
      process.exit(1);
    }
    signalled = true;
    log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      log.error({ timeoutMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, timeoutMs);
    deadline.unref();
    runtime.shutdown().then(
      () => {
        log.info('shutdown complete');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/**
 * Before closing: answer new requests 503 with `Connection: close` for up to `ms`, ending early
 * once no client holds a connection. Keep-alive clients (and load balancers) then drop their
 * sockets on a response instead of racing the server's close, which they would see as resets.
 */
async function drainConnections(app: FastifyInstance, ms: number): Promise<void> {
  app.drain();
  const openConnections = () =>
    new Promise<number>((resolve) => {
      app.server.getConnections((err, count) => resolve(err ? 0 : count));
    });
  const waitForNoConnections = async (until: number) => {
    while (Date.now() < until && (await openConnections()) > 0) {
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await waitForNoConnections(Date.now() + ms);
  // Stop listening but leave open connections alone: http.Server.close() would also destroy
  // connections accepted a moment ago whose request has not arrived yet (the client sees a
  // reset). Those get their 503 first; app.close() then ends whatever is left.
  // After a poll phase (setImmediate), so connections the kernel already queued are accepted
  // rather than reset with the listening socket.
  await new Promise((r) => setImmediate(r));
  net.Server.prototype.close.call(app.server);
  await waitForNoConnections(Date.now() + Math.min(ms, 300));
}
