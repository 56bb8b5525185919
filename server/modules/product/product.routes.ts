import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ProductBodySchema, ProductSchema } from '../../../common/product';
import { errorResponses, memberRoute } from '../../http/route-schemas';
import { contextOf } from '../auth/authenticate';
import { getProduct, saveProduct } from './product.service';

const errors = errorResponses(400, 401, 403);
const tags = ['product'];

export function productRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/product',
    memberRoute({
      tags,
      summary: 'Our product profile, which battlecards compare competitors against',
      response: { 200: ProductSchema, ...errors },
    }),
    (request) => getProduct(contextOf(request)),
  );

  app.put(
    '/api/v1/product',
    memberRoute({
      tags,
      summary: 'Save our product profile (editors)',
      body: ProductBodySchema,
      response: { 200: ProductSchema, ...errors },
    }),
    (request) => saveProduct(contextOf(request), request.body),
  );
}
