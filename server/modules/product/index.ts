import type { Module } from '../module';
import { productRoutes } from './product.routes';

/** Our own product profile, one per workspace. */
export const productModule: Module = {
  name: 'product',
  routes(app) {
    productRoutes(app);
  },
};
