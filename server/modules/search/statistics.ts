import type { ScheduledTask } from '../../lib/scheduler';
import type { Services } from '../../services';

/** The tables search reads; its plans (see search-sql.ts) depend on their statistics. */
const SEARCHED_TABLES = ['competitor', 'evidence', 'battlecard', 'claim'];
const EVERY_MS = 10 * 60 * 1000;

/**
 * Keeps the planner's statistics of the searched tables current on the embedded database.
 * PostgreSQL's autovacuum re-analyzes a table as it changes; PGlite runs no autovacuum, so
 * without this the planner never learns how many rows a workspace has or how common a word
 * is, and picks plans that read every document (measured: cold searches 2–4× slower). A table
 * is analyzed when it has grown by a tenth since it last was, as autovacuum would.
 */
export function refreshStatisticsTask(services: Services): ScheduledTask {
  return {
    name: 'search.refresh-statistics',
    everyMs: EVERY_MS,
    async run() {
      const { database, log } = services;
      if (database.kind !== 'pglite') return;
      const { rows } = await database.query<{ relname: string }>(
        `select relname from pg_class
          where relkind = 'r' and relnamespace = 'public'::regnamespace and relname = any($1)
            and (reltuples < 0
              or pg_relation_size(oid) > (relpages * 1.1 + 8) * current_setting('block_size')::int)`,
        [SEARCHED_TABLES],
      );
      for (const { relname } of rows) {
        // A name from the list above, never from input.
        await database.exec(`analyze "${relname}"`);
      }
      if (rows.length > 0) {
        log.info({ tables: rows.map((r) => r.relname) }, 'refreshed planner statistics');
      }
    },
  };
}
