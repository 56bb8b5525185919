import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../lib/db/database';

/**
 * Test databases: each test file gets its own, cloned from a template that global setup
 * migrated once — PGlite from a data-folder dump, PostgreSQL with CREATE DATABASE … TEMPLATE.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of the template dump; PostgreSQL: name of the template database. */
    testTemplate: string;
  }
}

export function usingPostgres(): boolean {
  return Boolean(process.env.DATABASE_URL);
}

export function databaseUrlFor(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  database: Database;
  /** postgres:// URL of this database, when on PostgreSQL. */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file (or one test). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('testTemplate');
  if (!usingPostgres()) {
    const dump = new Blob([await readFile(template)]);
    const database = await openPglite({ loadDataDir: dump });
    return { database, url: undefined, drop: () => database.close() };
  }
  const name = `ringside_t_${randomBytes(6).toString('hex')}`;
  await withAdminClient(async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`create database "${name}" template "${template}"`);
        return;
      } catch (err) {
        // 55006: the template is briefly in use by another CREATE DATABASE; try again.
        if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  const url = databaseUrlFor(process.env.DATABASE_URL!, name);
  const database = await openPostgres({ url, poolSize: 5 });
  return {
    database,
    url,
    async drop() {
      await database.close();
      await withAdminClient((client) =>
        client.query(`drop database if exists "${name}" with (force)`),
      );
    },
  };
}
