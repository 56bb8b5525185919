import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { errorBody, registerErrorHandling } from './http/error-handler';
import { AppError } from './lib/errors';
import { registerMetrics } from './http/metrics';
import { registerOpenApi } from './http/openapi';
import { requestIdFrom } from './http/request-id';
import { registerTurnAdmission } from './http/turn-admission';
import { registerSecurity } from './http/security';
import { WEB_DIST, registerWebApp } from './http/static-web';
import { rateLimitOptions } from './lib/rate-limit/rate-limit';
import { modules } from './modules';
import { LiveUsage } from './realtime/live-usage';
import { registerAuthentication } from './modules/auth/authenticate';
import type { Services } from './services';

declare module 'fastify' {
  interface FastifyInstance {
    /** Starts draining before close: new requests 503, every response `Connection: close`. */
    drain(): void;
    /** Who used the API of each workspace lately, and how fast it answered (live metrics). */
    liveUsage: LiveUsage;
  }
}

export interface AppOptions {
  /** The built web app to serve at `/`; defaults to dist/web. */
  webRoot?: string;
  /** Requests slower than this are logged at warn with their request id. */
  slowRequestMs?: number;
  /** Overrides REQUESTS_PER_TURN (0 = start every request at once). */
  requestsPerTurn?: number;
}

/** Builds the HTTP app over ready services; tests boot it with `inject`, main.ts listens. */
export async function buildApp(
  services: Services,
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const { config } = services;
  const slowMs = options.slowRequestMs ?? config.slowRequestMs;
  // pino's Logger is a FastifyBaseLogger; annotating (not asserting) keeps Fastify's generics plain.
  const loggerInstance: FastifyBaseLogger = services.log;
  const app = Fastify({
    loggerInstance,
    // Our onResponse hook logs requests (debug, or warn when slow) instead of two info lines each.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestIdFrom,
    requestTimeout: config.requestTimeoutMs,
    bodyLimit: config.bodyLimitBytes,
    // A number means "trust this many proxy hops".
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerTurnAdmission(app, options.requestsPerTurn ?? config.requestsPerTurn);
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  const liveUsage = new LiveUsage();
  app.decorate('liveUsage', liveUsage);
  app.addHook('onResponse', (request, reply, done) => {
    if (request.ctx) {
      liveUsage.record(request.ctx.workspaceId, request.ctx.actor.userId, reply.elapsedTime);
    }
    const ms = Math.round(reply.elapsedTime);
    // reqId comes with request.log; the route template groups lines the way /metrics does.
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      url: request.url,
      status: reply.statusCode,
      ms,
    };
    if (ms >= slowMs) request.log.warn(line, 'slow request');
    else request.log.debug(line, 'request completed');
    done();
  });

  // Shutting down, in two steps. Draining (app.drain(), before close): the port stays open,
  // new requests get 503 `shutting_down` and every response says `Connection: close`, so
  // keep-alive clients let go of their sockets instead of reusing one the server is about to
  // close (which they would see as a reset). Closing: Fastify answers 503 itself.
  let closing = false;
  app.decorate('drain', () => {
    closing = true;
  });
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (!closing) return done();
    void reply
      .status(503)
      .header('retry-after', '1')
      .send(
        errorBody(
          new AppError('shutting_down', 503, 'This server is restarting. Try again in a moment.'),
          request.id,
        ),
      );
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });

  registerErrorHandling(app);
  await registerSecurity(app, config);
  await app.register(cookie);
  await app.register(rateLimit, rateLimitOptions(services.redis, `${services.redisPrefix}rl:`));
  registerAuthentication(app, services, services.tokens, config.rateLimitPerUserPerMinute);
  await registerOpenApi(app, services);
  registerMetrics(app, services);
  for (const module of modules) await module.routes?.(app, services);
  await registerWebApp(app, options.webRoot ?? WEB_DIST);
  return app;
}
