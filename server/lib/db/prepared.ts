import { createHash } from 'node:crypto';
import { type PGlite, parse, protocol } from '@electric-sql/pglite';
import type { SQLWrapper } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { prepareValue } from 'pg/lib/utils.js';

/**
 * Statements that run on every regeneration, prepared once per connection: PostgreSQL parses,
 * analyses and (after a few runs) plans them once instead of on every run. On PGlite, whose
 * query API prepares nothing and takes six calls into the database per statement, this more
 * than halves their cost (`npm run bench -- generation`).
 */

/** Statements kept prepared per connection; any others run unprepared, so memory stays bounded. */
export const MAX_PREPARED_STATEMENTS = 100;

/** SQLSTATE 26000: the named statement is gone (someone ran DEALLOCATE); prepare it again. */
const NO_SUCH_STATEMENT = '26000';

const dialect = new PgDialect();

export interface NamedStatement {
  text: string;
  params: unknown[];
  /** Undefined once MAX_PREPARED_STATEMENTS other texts have a name: run it unprepared. */
  name: string | undefined;
}

/**
 * Gives each statement text its own name, derived from the text: the same text always gets
 * the same name, so callers must keep variable parts in parameters (lists as one array
 * parameter, `= any($1::uuid[])`), not in the text.
 */
export class StatementNames {
  readonly #names = new Map<string, string>();

  constructor(private readonly max = MAX_PREPARED_STATEMENTS) {}

  of(query: SQLWrapper): NamedStatement {
    const { sql: text, params } = dialect.sqlToQuery(query.getSQL());
    let name = this.#names.get(text);
    if (name === undefined && this.#names.size < this.max) {
      name = `ringside_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      this.#names.set(text, name);
    }
    return { text, params, name };
  }
}

function frame(...messages: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(messages.reduce((n, m) => n + m.length, 0));
  let at = 0;
  for (const m of messages) {
    out.set(m, at);
    at += m.length;
  }
  return out;
}

/**
 * Runs statements on PGlite by name. The first run parses the statement; every run after binds
 * and executes it in one call. It waits, as PGlite's own `query` does, for any open transaction
 * and any running statement — so never call it from inside a transaction: it would wait for
 * itself.
 */
export function preparedOnPglite(client: PGlite) {
  const names = new StatementNames();
  const parsed = new Set<string>();
  const { serialize } = protocol;

  async function execute(name: string, text: string, params: unknown[]) {
    if (!parsed.has(name)) {
      await client.execProtocol(frame(serialize.parse({ name, text }), serialize.sync()));
      parsed.add(name);
    }
    const { messages } = await client.execProtocol(
      frame(
        // Parameters converted exactly as on PostgreSQL, by node-postgres itself.
        serialize.bind({ statement: name, values: params.map((p) => prepareValue(p)) }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ),
    );
    return parse.parseResults(messages, client.parsers)[0]!;
  }

  return async <T>(query: SQLWrapper): Promise<{ rows: T[] }> => {
    const { text, params, name } = names.of(query);
    if (name === undefined) return client.query<T>(text, params);
    await client._checkReady();
    const result: { rows: unknown[] } = await client._runExclusiveTransaction(() =>
      client._runExclusiveQuery(async () => {
        try {
          return await execute(name, text, params);
        } catch (err) {
          if ((err as { code?: string }).code !== NO_SUCH_STATEMENT) throw err;
          parsed.delete(name);
          return execute(name, text, params);
        }
      }),
    );
    return result as { rows: T[] };
  };
}
