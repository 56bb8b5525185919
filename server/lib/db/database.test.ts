import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, usingPostgres, withAdminClient } from '../../test/test-database';
import { databaseUrlFor } from '../../test/test-database';
import { openPglite, openPostgres } from './database';

const TABLES_QUERY = `select table_name from information_schema.tables where table_schema = 'public' order by 1`;

describe('migrations', () => {
  it('apply to a fresh embedded database (PGlite), once', async () => {
    const database = await openPglite();
    try {
      expect(await database.migrationStatus()).toMatchObject({ applied: 0 });
      await database.migrate();
      const status = await database.migrationStatus();
      expect(status.applied).toBe(status.expected);
      expect(status.expected).toBeGreaterThan(0);
      await database.migrate();
      expect(await database.migrationStatus()).toEqual(status);
      const tables = await database.query<{ table_name: string }>(TABLES_QUERY);
      expect(tables.rows.map((r) => r.table_name)).toContain('job_run');
    } finally {
      await database.close();
    }
  });

  it.runIf(usingPostgres())(
    'apply to a fresh PostgreSQL database, even from several processes at once',
    async () => {
      const name = `ringside_t_migrate_${Date.now()}`;
      await withAdminClient((c) => c.query(`create database "${name}"`));
      const url = databaseUrlFor(process.env.DATABASE_URL!, name);
      const a = await openPostgres({ url, poolSize: 2 });
      const b = await openPostgres({ url, poolSize: 2 });
      try {
        await Promise.all([a.migrate(), b.migrate()]);
        const status = await a.migrationStatus();
        expect(status.applied).toBe(status.expected);
        const tables = await a.query<{ table_name: string }>(TABLES_QUERY);
        expect(tables.rows.map((r) => r.table_name)).toContain('job_run');
      } finally {
        await a.close();
        await b.close();
        await withAdminClient((c) => c.query(`drop database if exists "${name}" with (force)`));
      }
    },
  );
});

describe('test database', () => {
  const created: { drop(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const d of created) await d.drop();
  });

  it('is migrated and isolated per test file', async () => {
    const one = await createTestDatabase();
    const two = await createTestDatabase();
    created.push(one, two);
    expect(one.database.kind).toBe(usingPostgres() ? 'postgres' : 'pglite');
    await one.database.db.execute(sql`create table only_in_one (id int)`);
    const inTwo = await two.database.query<{ present: boolean }>(
      `select to_regclass('public.only_in_one') is not null as present`,
    );
    expect(inTwo.rows[0]?.present).toBe(false);
    const status = await two.database.migrationStatus();
    expect(status.applied).toBe(status.expected);
  });
});

describe.runIf(usingPostgres())('leader lock', () => {
  it('is held by one process at a time and passes on release', async () => {
    const t = await createTestDatabase();
    const other = await openPostgres({ url: t.url!, poolSize: 2 });
    try {
      const first = await t.database.tryLock(42);
      expect(first).not.toBeNull();
      expect(await other.tryLock(42)).toBeNull();
      await first!.release();
      await first!.lost;
      const second = await other.tryLock(42);
      expect(second).not.toBeNull();
      await second!.release();
    } finally {
      await other.close();
      await t.drop();
    }
  });
});
