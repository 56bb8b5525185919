import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors';
import { errorBody } from './error-handler';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../dist/web');

/** Paths that belong to the server; an unknown one is a JSON 404, never the web app. */
const SERVER_PREFIXES = ['/api/', '/api', '/health', '/metrics', '/docs', '/ws'];

function wantsWebApp(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const url = request.url.split('?')[0] ?? '/';
  if (SERVER_PREFIXES.some((p) => url === p || url.startsWith(p.endsWith('/') ? p : p + '/'))) {
    return false;
  }
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the built web app at `/` with a fallback to index.html for client-side routes.
 * Hashed assets are cached for a year; index.html is always revalidated.
 */
export async function registerWebApp(app: FastifyInstance, root = WEB_DIST): Promise<void> {
  const hasBuild = existsSync(path.join(root, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: ['index.html'],
      setHeaders(reply, filePath) {
        void reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  } else {
    app.log.warn(`no web build in ${root}; run \`npm run build\` (npm start does it for you)`);
  }

  app.setNotFoundHandler((request, reply) => {
    if (hasBuild && wantsWebApp(request)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const error = new AppError(
      'not_found',
      404,
      `No route for ${request.method} ${request.url.split('?')[0]}.`,
    );
    return reply.status(404).send(errorBody(error, request.id));
  });
}
