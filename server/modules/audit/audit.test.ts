import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { event } from '../../db/schema';
import { registerOwner } from '../../test/factories';
import { useTestApp } from '../../test/test-app';

const t = useTestApp();
const descending = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('the audit log', () => {
  it('pages through events sharing a millisecond without skipping or repeating any', async () => {
    const owner = await registerOwner(t.app);
    const workspaceId = owner.auth.workspace.id;
    // One millisecond, several microseconds (PostgreSQL keeps them, a JS Date does not), and
    // two events at the very same microsecond, which only the id orders.
    const instants = [
      '2020-01-01T00:00:00.123001Z',
      '2020-01-01T00:00:00.123002Z',
      '2020-01-01T00:00:00.123500Z',
      '2020-01-01T00:00:00.123500Z',
      '2020-01-01T00:00:00.123999Z',
    ];
    const inserted = await t
      .db()
      .insert(event)
      .values(
        instants.map((at, i) => ({
          workspaceId,
          actorId: owner.auth.user.id,
          type: `test.same_millisecond_${i}`,
          createdAt: sql`${at}::timestamptz`,
        })),
      )
      .returning({ id: event.id });
    // Newest first, then the greater id first (a uuid compares as its lower-case text does).
    const expected = inserted
      .map((row, i) => ({ id: row.id, at: instants[i]! }))
      .sort((a, b) => descending(a.at, b.at) || descending(a.id, b.id))
      .map((row) => row.id);

    const seen = await t.allPages<{ id: string; type: string }>(
      owner,
      '/api/v1/audit-events?limit=1',
    );
    // Registering came after 2020: it is first, and nothing else is in this workspace.
    expect(seen[0]!.type).toBe('auth.registered');
    expect(seen.slice(1).map((e) => e.id)).toEqual(expected);
  });

  it('answers a cursor it did not give out with 400 invalid_cursor', async () => {
    const owner = await registerOwner(t.app);
    const id = crypto.randomUUID();
    for (const cursor of [
      'garbage',
      // The old shape: an ISO time with milliseconds and an id.
      Buffer.from(`2020-01-01T00:00:00.123Z|${id}`).toString('base64url'),
      cursorOf(['2020-01-01T00:00:00.123Z', id]),
      cursorOf(['2020-02-31T00:00:00.000000Z', id]),
      cursorOf(['2020-01-01T00:00:00.123456Z', 'not-a-uuid']),
      cursorOf(['2020-01-01T00:00:00.123456Z']),
    ]) {
      const res = await t.call(owner, 'GET', `/api/v1/audit-events?cursor=${cursor}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json().error.code).toBe('invalid_cursor');
    }
  });
});
