import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type SQLWrapper, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from '../../db/schema';
import { lockDataDir } from './data-dir-lock';
import { StatementNames, preparedOnPglite } from './prepared';
import type { Logger } from '../logger';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: services take this so callers choose. */
export type DbOrTx = Db | Tx;

export interface RawResult<T> {
  rows: T[];
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Raw parameterised SQL outside Drizzle (pg-boss, health checks). */
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<RawResult<T>>;
  /**
   * Runs a statement prepared once per connection, for statements that run all day
   * (`prepared.ts`). Not inside a transaction: on PGlite it would wait for that transaction.
   */
  prepared<T = Record<string, unknown>>(query: SQLWrapper): Promise<RawResult<T>>;
  /** Runs a script of several statements; returns the last statement's rows. */
  exec<T = Record<string, unknown>>(text: string): Promise<RawResult<T>>;
  migrate(): Promise<void>;
  /** How many of the shipped migrations the database has applied, and how many ship. */
  migrationStatus(): Promise<{ applied: number; expected: number }>;
  /**
   * Tries to become the one holder of `key` across all processes (a session advisory lock on
   * PostgreSQL; PGlite is single-process, so always granted). Null when another process holds it.
   */
  tryLock(key: number): Promise<HeldLock | null>;
  close(): Promise<void>;
}

export interface HeldLock {
  /** Resolves when the lock is lost (connection dropped) or released. */
  readonly lost: Promise<void>;
  release(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.resolve(import.meta.dirname, '../../db/migrations');
/** Any fixed number: the key of the session-level lock serialising migrations across processes. */
const MIGRATION_LOCK_KEY = 7_246_118_001;

let shippedMigrations: number | undefined;
/** How many migrations ship with this build (read once: the folder does not change at run time). */
function expectedMigrations(): number {
  shippedMigrations ??= (
    JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
      entries: unknown[];
    }
  ).entries.length;
  return shippedMigrations;
}

async function appliedMigrations(
  query: Database['query'],
): Promise<{ applied: number; expected: number }> {
  const expected = expectedMigrations();
  // The table appears with the first migration; a query naming it would fail before that
  // (even inside a CASE: the planner resolves every relation), so look it up first.
  const exists = await query<{ present: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists.rows[0]?.present) return { applied: 0, expected };
  const res = await query<{ n: number }>(
    `select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return { applied: res.rows[0]?.n ?? 0, expected };
}

export interface OpenPgliteOptions {
  /** A folder for durable data; omitted = in memory. */
  dataDir?: string;
  /** A data-folder dump (tar) to start from, e.g. a migrated template in tests. */
  loadDataDir?: Blob | File;
}

export interface EmbeddedDatabase extends Database {
  /** A tar of the whole data folder (backups, test templates). */
  dump(): Promise<Blob>;
}

export async function openPglite(options: OpenPgliteOptions = {}): Promise<EmbeddedDatabase> {
  let unlock = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
  }
  const client = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  try {
    await client.waitReady;
  } catch (err) {
    unlock();
    throw err;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const query: Database['query'] = async <T>(text: string, values?: unknown[]) =>
    (await client.query<T>(text, values as unknown[])) as RawResult<T>;
  return {
    kind: 'pglite',
    db,
    query,
    prepared: preparedOnPglite(client),
    async exec<T>(text: string) {
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as T[] };
    },
    migrate: () =>
      migratePglite(db as unknown as Parameters<typeof migratePglite>[0], {
        migrationsFolder: MIGRATIONS_FOLDER,
      }),
    migrationStatus: () => appliedMigrations(query),
    tryLock() {
      let release!: () => void;
      const lost = new Promise<void>((resolve) => (release = resolve));
      return Promise.resolve({ lost, release: () => Promise.resolve(release()) });
    },
    dump: () => client.dumpDataDir('none'),
    close: async () => {
      if (!client.closed) await client.close();
      unlock();
    },
  };
}

export interface OpenPostgresOptions {
  url: string;
  poolSize: number;
  log?: Logger;
  /** Runs on each new connection, e.g. a per-connection statement timeout. */
  statementTimeoutMs?: number;
}

export async function openPostgres(options: OpenPostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    application_name: 'ringside',
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', (err) => options.log?.warn({ err }, 'postgres idle client error'));
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const query: Database['query'] = async <T>(text: string, values?: unknown[]) => {
    const result: RawResult<T> = await pool.query<T & pg.QueryResultRow>(text, values);
    return result;
  };
  await query('select 1');
  const names = new StatementNames();
  return {
    kind: 'postgres',
    db,
    query,
    async prepared<T>(statement: SQLWrapper) {
      // node-postgres prepares a named statement on each connection the first time it runs there.
      const { text, params, name } = names.of(statement);
      const result: RawResult<T> = await pool.query<T & pg.QueryResultRow>(
        name === undefined ? { text, values: params } : { name, text, values: params },
      );
      return result;
    },
    async exec<T>(text: string) {
      const result = (await pool.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: (last?.rows ?? []) as T[] };
    },
    async migrate() {
      // Several processes may start at once: one migrates, the others wait and find nothing to do.
      const lock = await pool.connect();
      try {
        await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(db as unknown as Parameters<typeof migratePg>[0], {
          migrationsFolder: MIGRATIONS_FOLDER,
        });
      } finally {
        await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        lock.release();
      }
    },
    migrationStatus: () => appliedMigrations(query),
    async tryLock(key) {
      // The lock lives as long as this connection, so it is held outside the pool's rotation.
      const client = await pool.connect();
      let got = false;
      try {
        const res = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [
          key,
        ]);
        got = res.rows[0]?.ok === true;
      } finally {
        if (!got) client.release();
      }
      if (!got) return null;
      let markLost!: () => void;
      const lost = new Promise<void>((resolve) => (markLost = resolve));
      let done = false;
      const onError = (err: Error) => {
        options.log?.warn({ err }, 'lost the connection holding a lock');
        if (done) return;
        done = true;
        client.release(err);
        markLost();
      };
      client.on('error', onError);
      return {
        lost,
        async release() {
          if (done) return;
          done = true;
          client.off('error', onError);
          await client.query('select pg_advisory_unlock($1)', [key]).catch(() => {});
          client.release();
          markLost();
        },
      };
    },
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}

/** Round-trip time to the database, or the error that stopped it. */
export async function pingDatabase(database: Database): Promise<number> {
  const start = performance.now();
  await database.db.execute(sql`select 1`);
  return Math.round((performance.now() - start) * 100) / 100;
}
