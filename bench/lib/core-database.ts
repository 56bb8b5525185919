import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../../server/lib/db/database';
import { type SeedSize, type SeededWorkspace, seedCoreWorkspace } from './core-seed';

/** A seeded database Ringside can be started on, and how to get rid of it. */
export interface PreparedDatabase {
  seeded: SeededWorkspace;
  /** Embedded mode: the DATA_DIR holding the seeded PGlite folder. */
  dataDir?: string;
  /** Scale mode: the URL of the throwaway database. */
  databaseUrl?: string;
  seconds: number;
  /** Removes the data folder or drops the database. */
  discard(): Promise<void>;
}

async function withAdminClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Migrates, seeds and ANALYZEs (the planner needs statistics for the search plans), then closes. */
async function seedInto(database: Database, size: SeedSize): Promise<SeededWorkspace> {
  try {
    await database.migrate();
    const seeded = await seedCoreWorkspace(database, size);
    await database.exec('analyze');
    return seeded;
  } finally {
    await database.close();
  }
}

/**
 * Seeds a fresh database before Ringside starts, straight through the server's own database
 * layer: embedded mode, a PGlite folder in a new DATA_DIR (where the server will look for it);
 * scale mode (DATABASE_URL set), a throwaway `ringside_bench_<random>` database on that server.
 */
export async function prepareCoreDatabase(
  size: SeedSize,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PreparedDatabase> {
  const t0 = performance.now();
  const seconds = () => Math.round((performance.now() - t0) / 100) / 10;
  if (!env.DATABASE_URL) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ringside-bench-core-'));
    const discard = () => rm(dataDir, { recursive: true, force: true });
    try {
      // The same folder the server opens: `${DATA_DIR}/pglite` (server/services.ts).
      const seeded = await seedInto(
        await openPglite({ dataDir: path.join(dataDir, 'pglite') }),
        size,
      );
      return { seeded, dataDir, seconds: seconds(), discard };
    } catch (err) {
      await discard();
      throw err;
    }
  }
  const adminUrl = env.DATABASE_URL;
  const name = `ringside_bench_${randomBytes(6).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await withAdminClient(adminUrl, (client) => client.query(`create database "${name}"`));
  const discard = async () => {
    await withAdminClient(adminUrl, (client) =>
      client.query(`drop database if exists "${name}" with (force)`),
    );
  };
  try {
    const seeded = await seedInto(await openPostgres({ url: databaseUrl, poolSize: 2 }), size);
    return { seeded, databaseUrl, seconds: seconds(), discard };
  } catch (err) {
    await discard();
    throw err;
  }
}
