import type { Module } from './module';
import { accountsModule } from './auth';
import { systemModule } from './system';

/** Every area of the product, in registration order. */
export const modules: Module[] = [systemModule, accountsModule];
