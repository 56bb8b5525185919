/**
 * The database schema, one file per area under ./schema; drizzle-kit and the code read it
 * through this index.
 */
export * from './schema/jobs';
export * from './schema/accounts';
export * from './schema/core';
export * from './schema/ai';
export * from './schema/documents';
export * from './schema/monitoring';
export * from './schema/notifications';
