import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from '../../common/pagination';
import { event } from '../db/schema';
import type { Db } from '../lib/db/database';
import type { Account } from './factories';
import { type TestApp, type TestAppOptions, buildTestApp } from './harness';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request as `who`; `payload` is sent as the JSON body. */
export type CallAs = (
  who: Account,
  method: Method,
  url: string,
  payload?: object,
) => Promise<LightMyRequestResponse>;

/**
 * The app the tests of one file share (it closes itself), and what they ask it most; its
 * functions may be taken apart: `const { call, db } = t;`.
 */
export interface FileTestApp extends Omit<TestApp, 'close'> {
  call: CallAs;
  /** POSTs `payload` to `url` as `who`, expects 201 and returns what was created. */
  create: <T>(who: Account, url: string, payload: object) => Promise<T>;
  /** The app's database, to arrange rows and check what a request stored. */
  db: () => Db;
  /** The event recorded for `entityId` with `type`, if any. */
  recordedEvent: (type: string, entityId: string) => Promise<typeof event.$inferSelect | undefined>;
  /** Every item of a cursor-paged list as `who`, following `nextCursor` to the last page. */
  allPages: <T>(who: Account, url: string) => Promise<T[]>;
}

/** Gives up on a list whose cursors never end (a cursor that repeats a page). */
const MAX_PAGES = 500;

/**
 * Builds the real app before the tests of the calling file and closes it after them. Each test
 * still makes its own workspace (`registerOwner`), so tests share nothing but the process.
 * Call it at the top of a test file: `const t = useTestApp();`, then `t.app`, `t.call`, ….
 */
export function useTestApp(options: TestAppOptions = { jobs: false }): FileTestApp {
  let built: TestApp | undefined;
  beforeAll(async () => {
    built = await buildTestApp(options);
  });
  afterAll(() => built?.close());
  const current = (): TestApp => {
    if (!built) throw new Error('The test app is built in beforeAll: use it inside a test.');
    return built;
  };

  const call: CallAs = (who, method, url, payload) =>
    current().app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  const db = () => current().services.database.db;

  return {
    get app() {
      return current().app;
    },
    get services() {
      return current().services;
    },
    get config() {
      return current().config;
    },
    call,
    async create<T>(who: Account, url: string, payload: object) {
      const res = await call(who, 'POST', url, payload);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<T>();
    },
    db,
    async recordedEvent(type, entityId) {
      const [row] = await db()
        .select()
        .from(event)
        .where(and(eq(event.type, type), eq(event.entityId, entityId)));
      return row;
    },
    async allPages<T>(who: Account, url: string) {
      const limit = new URL(url, 'http://test').searchParams.get('limit');
      const items: T[] = [];
      let cursor: string | null = null;
      for (let pages = 1; ; pages++) {
        const pageUrl = cursor ? `${url}${url.includes('?') ? '&' : '?'}cursor=${cursor}` : url;
        const res = await call(who, 'GET', pageUrl);
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json<Page<T>>();
        if (limit) expect(page.items.length).toBeLessThanOrEqual(Number(limit));
        items.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) return items;
        if (pages === MAX_PAGES) throw new Error(`${url}: still a next page after ${MAX_PAGES}`);
      }
    },
  };
}

/** The field paths of a 400 answer (`validation_failed` and other field errors). */
export const fieldsOf = (res: { json(): unknown }): string[] =>
  (res.json() as { error: { details: { fields: { path: string }[] } } }).error.details.fields.map(
    (f) => f.path,
  );
