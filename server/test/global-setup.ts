import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openPglite, openPostgres } from '../lib/db/database';
import { migrateTemplate } from './migrate-template';
import { databaseUrlFor, usingPostgres, withAdminClient } from './test-database';

/**
 * Migrates one template database (schema + job-queue schema) before the suite; every test file
 * clones it, which is far faster than migrating (PGlite's first start alone takes seconds).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!usingPostgres()) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ringside-test-'));
    const database = await openPglite();
    await migrateTemplate(database);
    const dump = await database.dump();
    const file = path.join(dir, 'template.tar');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('testTemplate', file);
    return () => rm(dir, { recursive: true, force: true });
  }

  const name = `ringside_tpl_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database "${name}"`));
  const database = await openPostgres({
    url: databaseUrlFor(process.env.DATABASE_URL!, name),
    poolSize: 2,
  });
  await migrateTemplate(database);
  await database.close();
  project.provide('testTemplate', name);
  return async () => {
    await withAdminClient(async (client) => {
      await client.query(`drop database if exists "${name}" with (force)`);
    });
  };
}
