import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, usingPostgres } from '../../test/test-database';
import { type Database, openPglite, openPostgres } from './database';
import { StatementNames } from './prepared';

/**
 * Prepared statements on the database the suite runs on: PGlite, or PostgreSQL through a
 * one-connection pool (so every statement meets the same connection's prepared statements).
 */
let database: Database;
let close: () => Promise<void>;

beforeAll(async () => {
  if (usingPostgres()) {
    const test = await createTestDatabase();
    database = await openPostgres({ url: test.url!, poolSize: 1 });
    close = async () => {
      await database.close();
      await test.drop();
    };
  } else {
    database = await openPglite();
    close = () => database.close();
  }
  await database.query('create table probe (v text not null)');
});

afterAll(() => close());

const preparedNamed = async () =>
  (
    await database.query<{ name: string; statement: string }>(
      `select name, statement from pg_prepared_statements where name like 'ringside_%'`,
    )
  ).rows;

it('prepares a statement once and runs it with each call’s parameters', async () => {
  const plusOne = (n: number) => database.prepared<{ n: number }>(sql`select ${n}::int + 1 as n`);
  expect((await plusOne(1)).rows).toEqual([{ n: 2 }]);
  expect((await plusOne(41)).rows).toEqual([{ n: 42 }]);
  const named = (await preparedNamed()).filter((s) => s.statement.includes('+ 1 as n'));
  expect(named).toHaveLength(1);
});

it('passes arrays, nulls, dates and json as node-postgres does', async () => {
  const at = new Date('2026-03-04T05:06:07.089Z');
  const items = ['plain', 'with "quotes"', 'back\\slash', 'comma, and {braces}', null];
  const { rows } = await database.prepared<{
    items: (string | null)[];
    n: number;
    at: Date;
    doc: { a: number[] };
    nothing: string | null;
  }>(sql`select ${sql.param(items)}::text[] as items,
    cardinality(${sql.param(items)}::text[]) as n, ${at}::timestamptz as at,
    ${JSON.stringify({ a: [1, 2] })}::jsonb as doc, ${null}::text as nothing`);
  expect(rows[0]).toEqual({ items, n: 5, at, doc: { a: [1, 2] }, nothing: null });
});

it('keeps a statement prepared through a bad parameter, and recovers from a bad statement', async () => {
  const byId = (id: string) =>
    database.prepared<{ id: string }>(sql`select ${id}::uuid as id where true`);
  await expect(byId('not-a-uuid')).rejects.toMatchObject({ code: '22P02' });
  const id = crypto.randomUUID();
  expect((await byId(id)).rows).toEqual([{ id }]);
  await expect(database.prepared(sql`select from nowhere_at_all`)).rejects.toMatchObject({
    code: '42P01',
  });
  expect((await byId(id)).rows).toEqual([{ id }]);
});

it('never runs inside another caller’s transaction', async () => {
  await database.query('delete from probe');
  let inserted!: Promise<unknown>;
  const rolledBack = database.db.transaction(async (tx) => {
    await tx.execute(sql`insert into probe (v) values ('in the transaction')`);
    // Started while the transaction is open; it must not become part of it.
    inserted = database.prepared(sql`insert into probe (v) values (${'outside'})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    throw new Error('roll back');
  });
  await expect(rolledBack).rejects.toThrow('roll back');
  await inserted;
  const { rows } = await database.query<{ v: string }>('select v from probe');
  expect(rows).toEqual([{ v: 'outside' }]);
});

it.skipIf(usingPostgres())(
  'prepares a statement again when it was deallocated behind its back (PGlite)',
  async () => {
    const answer = () => database.prepared<{ n: number }>(sql`select ${7}::int * 6 as n`);
    expect((await answer()).rows).toEqual([{ n: 42 }]);
    await database.query('deallocate all');
    expect((await answer()).rows).toEqual([{ n: 42 }]);
  },
);

it('names a statement by its text, and stops naming new texts at the limit', () => {
  const names = new StatementNames(1);
  const first = names.of(sql`select ${1}::int`);
  expect(first.name).toMatch(/^ringside_[0-9a-f]{24}$/);
  expect(names.of(sql`select ${2}::int`)).toEqual({ ...first, params: [2] });
  expect(names.of(sql`select ${1}::int + 1`).name).toBeUndefined();
});
