import type { Database } from '../lib/db/database';
import { JobQueue } from '../lib/jobs/job-queue';
import { createLogger } from '../lib/logger';

/**
 * Brings a template database to what a server's first start leaves: the schema migrations and
 * the job queue's own schema (pg-boss creates it when it first starts). Test databases and
 * browser-test servers start from copies of it.
 */
export async function migrateTemplate(database: Database): Promise<void> {
  await database.migrate();
  const jobs = new JobQueue(database, createLogger('silent'));
  await jobs.start({ work: false, supervise: false });
  await jobs.stop();
}
