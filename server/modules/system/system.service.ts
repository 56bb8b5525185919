import type { DetailedHealth } from '../../../common/system';
import { pingDatabase } from '../../lib/db/database';
import type { Services } from '../../services';

const CHECK_TIMEOUT_MS = 2_000;

/** A check that takes longer than the timeout counts as down, so health never hangs. */
async function within<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Ready = the database answers and has every shipped migration. */
export async function readiness(services: Services): Promise<{ ready: boolean; reason?: string }> {
  try {
    const { applied, expected } = await within(services.database.migrationStatus());
    if (applied < expected) {
      return { ready: false, reason: `migrations pending: ${applied} of ${expected} applied` };
    }
    return { ready: true };
  } catch (err) {
    return { ready: false, reason: `database unreachable: ${reason(err)}` };
  }
}

export async function detailedHealth(services: Services): Promise<DetailedHealth> {
  const { database, cache, pubsub, jobs, config } = services;
  const [db, migrations, cachePing, pubsubPing, depth] = await Promise.allSettled([
    within(pingDatabase(database)),
    within(database.migrationStatus()),
    within(cache.ping()),
    within(pubsub.ping()),
    within(jobs.depth()),
  ]);
  const stats = cache.stats();
  const checks: DetailedHealth['checks'] = {
    database:
      db.status === 'fulfilled'
        ? { status: 'up', kind: database.kind, latencyMs: db.value }
        : { status: 'down', kind: database.kind, error: reason(db.reason) },
    migrations:
      migrations.status === 'fulfilled'
        ? {
            status: migrations.value.applied >= migrations.value.expected ? 'up' : 'down',
            ...migrations.value,
          }
        : { status: 'down', applied: 0, expected: 0 },
    cache: {
      status: cachePing.status === 'fulfilled' ? 'up' : 'down',
      kind: cache.kind,
      hits: stats.hits,
      misses: stats.misses,
      ...(cachePing.status === 'rejected' ? { error: reason(cachePing.reason) } : {}),
    },
    pubsub: {
      status: pubsubPing.status === 'fulfilled' ? 'up' : 'down',
      kind: pubsub.kind,
      ...(pubsubPing.status === 'rejected' ? { error: reason(pubsubPing.reason) } : {}),
    },
    queue:
      depth.status === 'fulfilled'
        ? { status: 'up', depth: depth.value }
        : { status: 'down', depth: {}, error: reason(depth.reason) },
    ai: {
      status: 'up',
      engine: config.ai.provider === 'local' ? 'local' : 'llm',
      provider: config.ai.provider,
      model: config.ai.model ?? null,
    },
  };
  const essentialDown = checks.database.status === 'down' || checks.migrations.status === 'down';
  const anyDown = Object.values(checks).some((c) => c.status === 'down');
  return {
    status: essentialDown ? 'unhealthy' : anyDown ? 'degraded' : 'healthy',
    version: services.version,
    mode: config.mode,
    uptimeSeconds: Math.round((Date.now() - services.startedAt.getTime()) / 1000),
    checks,
  };
}
