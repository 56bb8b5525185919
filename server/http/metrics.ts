import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { processRegistry } from '../lib/metrics/process-metrics';
import type { Services } from '../services';

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's Prometheus registry: areas add their own metrics to it. */
    metricsRegistry: Registry;
  }
}

/**
 * Prometheus metrics for one app instance (a registry per instance, so tests can boot many),
 * served at /metrics together with the process-wide ones (AI, jobs, monitoring, cache, Node).
 * HTTP metrics are labelled by route template (`/api/v1/battlecards/:id`), never the raw URL.
 */
export function registerMetrics(app: FastifyInstance, services: Services): Registry {
  const registry = new Registry();
  app.decorate('metricsRegistry', registry);

  const requests = new Counter({
    name: 'ringside_http_requests_total',
    help: 'HTTP requests answered, by route template, method and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'ringside_http_request_duration_seconds',
    help: 'HTTP request duration, by route template and method.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'ringside_queue_depth',
    help: 'Jobs waiting or running, by job kind.',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      try {
        const depth = await services.jobs.depth();
        for (const [queue, n] of Object.entries(depth)) this.set({ queue }, n);
      } catch {
        // The queue is not started in this role or the database is away: report nothing.
      }
    },
  });

  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route };
    requests.inc({ ...labels, status_code: String(reply.statusCode) });
    duration.observe(labels, reply.elapsedTime / 1000);
    done();
  });

  app.get(
    '/metrics',
    { config: { access: 'public' }, schema: { hide: true } },
    async (_req, reply) => {
      const body = await renderMetrics(registry);
      return reply.type(registry.contentType).send(body);
    },
  );

  return registry;
}

/** The Prometheus text of this process, plus an app's own registry when it has one. */
export async function renderMetrics(appRegistry?: Registry): Promise<string> {
  const parts = [await processRegistry.metrics()];
  if (appRegistry) parts.push(await appRegistry.metrics());
  return parts.join('\n');
}
