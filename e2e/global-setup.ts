import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureWebBuild } from '../scripts/ensure-web-build';
import { openPglite } from '../server/lib/db/database';
import { migrateTemplate } from '../server/test/migrate-template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A DATA_DIR holding an empty, migrated embedded database (see startServer). */
    e2eDataTemplate: string;
  }
}

/**
 * The server serves dist/web: make sure it matches the sources before any browser test. Then
 * one embedded database is created and migrated, as a first `npm start` does: servers start
 * from a copy of it instead of each running PGlite's initdb (~6.5 s a start here).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureWebBuild({ log: (line) => process.stdout.write(`[e2e] ${line}\n`) });
  const template = await mkdtemp(path.join(os.tmpdir(), 'ringside-e2e-template-'));
  // The folder the server keeps its embedded database in, under DATA_DIR (server/services.ts).
  const database = await openPglite({ dataDir: path.join(template, 'pglite') });
  try {
    await migrateTemplate(database);
  } finally {
    await database.close();
  }
  project.provide('e2eDataTemplate', template);
  return () => rm(template, { recursive: true, force: true });
}
