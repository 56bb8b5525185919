import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Services } from '../services';

/** OpenAPI generated from the routes' zod schemas; browsable at /docs, JSON at /docs/json. */
export async function registerOpenApi(app: FastifyInstance, services: Services): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Ringside API',
        version: services.version,
        description:
          'Competitive intelligence and battlecards. Errors have the shape `{ "error": { "code", "message", "details"?, "requestId" } }`; `code` is stable.',
      },
      servers: [{ url: services.config.publicUrl }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
}
