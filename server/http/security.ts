import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Security headers and CORS. CORS answers only the configured origins, never a reflected one. */
export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        // MUI (emotion) injects <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: { maxAge: YEAR_SECONDS, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });

  // Behind a TLS-terminating proxy (TRUST_PROXY), plain-http requests are sent to https.
  // Health checks stay reachable over http for load balancers; loopback stays usable locally.
  if (config.publicUrl.startsWith('https://')) {
    app.addHook('onRequest', (request, reply, done) => {
      const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(request.hostname);
      if (request.protocol === 'http' && !loopback && !request.url.startsWith('/health')) {
        void reply.redirect(`${config.publicUrl}${request.url}`, 308);
        return;
      }
      done();
    });
  }

  const allowed = new Set(config.corsOrigins);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  });
}
