import type { FastifyInstance } from 'fastify';
import type { Services } from '../services';
import type { Account } from './factories';

/**
 * The shared vocabulary of the access matrix (server/modules/auth/access-matrix.test.ts):
 * every /api route × every kind of caller. Each area lists its routes in its own
 * `<area>.access.ts` and adds it to server/test/access-rows.ts.
 */
export type Caller = 'anonymous' | 'viewer' | 'editor' | 'admin' | 'owner' | 'otherAdmin';
export const CALLERS: Caller[] = ['anonymous', 'viewer', 'editor', 'admin', 'owner', 'otherAdmin'];

export interface MatrixRow {
  method: string;
  /** The route template as registered, e.g. `/api/v1/competitors/:id`. */
  url: string;
  /** Builds the concrete request; may create fresh resources in workspace A. */
  /** `headers` for bodies that are not JSON (a multipart upload). */
  request(
    caller: Caller,
  ): Promise<{ url: string; payload?: unknown; headers?: Record<string, string> }>;
  expect: Record<Caller, number>;
}

/** Filled in before the rows run: the app, and accounts in workspace A (and B's admin). */
export interface MatrixEnv {
  app: FastifyInstance;
  /** The app's services, to arrange what no route creates (e.g. a job row). */
  services: Services;
  accounts: Record<Exclude<Caller, 'anonymous'>, Account>;
}

export type MatrixRows = (env: MatrixEnv) => MatrixRow[];

/** The same status for every signed-in caller; `anonymous` gets 401 unless told. */
export const all = (status: number, anonymous = 401): Record<Caller, number> => ({
  anonymous,
  viewer: status,
  editor: status,
  admin: status,
  owner: status,
  otherAdmin: status,
});

/**
 * Content rules in one line: anyone in workspace A may read (`read`), editors and up may
 * write (`write`), viewers get 403, workspace B's admin gets 404 (the row is not theirs).
 */
export const readable = (status = 200): Record<Caller, number> => ({
  ...all(status),
  otherAdmin: 404,
});
export const editable = (status = 200): Record<Caller, number> => ({
  anonymous: 401,
  viewer: 403,
  editor: status,
  admin: status,
  owner: status,
  otherAdmin: 404,
});
