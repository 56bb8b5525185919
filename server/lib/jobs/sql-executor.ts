import { type SQL, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { DbOrTx } from '../db/database';

/**
 * pg-boss speaks `executeSql(text, [$1…$n values])`; Drizzle speaks SQL objects. This bridge
 * lets pg-boss insert a job through a caller's open Drizzle transaction, so the job commits or
 * rolls back with the rows that need it.
 */
export function drizzleExecutor(db: DbOrTx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const parts = text.split(/\$(\d+)\b/);
      const chunks: SQL[] = [];
      parts.forEach((part, i) => {
        if (i % 2 === 0) chunks.push(sql.raw(part));
        else chunks.push(sql`${values[Number(part) - 1] ?? null}`);
      });
      // Both drivers (pg, PGlite) answer execute() with an object carrying `rows`.
      const result = (await db.execute(sql.join(chunks))) as { rows: unknown[] };
      return { rows: result.rows };
    },
  };
}
