import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Competitor } from '../../../common/competitors';
import { type battlecard, competitor, deal } from '../../db/schema';
import { insertBattlecard, insertCompetitor, insertEvidence } from '../../test/core-factories';
import { type Account, addMember, registerOwner } from '../../test/factories';
import { fieldsOf, useTestApp } from '../../test/test-app';

const t = useTestApp();
const { call, db } = t;
const create = (who: Account, payload: object) =>
  t.create<Competitor>(who, '/api/v1/competitors', payload);
const wsOf = (who: Account) => who.auth.workspace.id;
const card = (
  workspaceId: string,
  competitorId: string,
  extra: Partial<typeof battlecard.$inferInsert> = {},
) => insertBattlecard(t.services, { workspaceId, competitorId, ...extra });

describe('the competitor list', () => {
  it('carries evidence, card and deal counts, the newest evidence and the win rate', async () => {
    const owner = await registerOwner(t.app);
    const colleague = await addMember(t.app, owner, 'editor');
    const ws = wsOf(owner);
    const busy = await create(owner, { name: 'Busy Rival' });
    const quiet = await create(owner, { name: 'Quiet Rival' });
    const newest = new Date('2024-06-02T10:00:00Z');
    for (const capturedAt of [new Date('2024-06-01T10:00:00Z'), newest]) {
      await insertEvidence(t.services, {
        workspaceId: ws,
        competitorId: busy.id,
        content: 'x',
        capturedAt,
      });
    }
    await card(ws, busy.id);
    await card(ws, busy.id, { status: 'archived' });
    await card(ws, busy.id, { visibility: 'private', ownerId: colleague.auth.user.id });
    await card(ws, busy.id, { visibility: 'private', ownerId: owner.auth.user.id });
    for (const outcome of ['won', 'won', 'lost', 'no_decision'] as const) {
      await db()
        .insert(deal)
        .values({ workspaceId: ws, competitorId: busy.id, outcome, closedAt: new Date() });
    }
    // Another workspace's rows never count.
    const elsewhere = await insertCompetitor(t.services, wsOf(await registerOwner(t.app)));
    await insertEvidence(t.services, {
      workspaceId: elsewhere.workspaceId,
      competitorId: elsewhere.id,
      content: 'y',
    });

    const list = (who: Account) =>
      call(who, 'GET', '/api/v1/competitors').then((r) => r.json<{ items: Competitor[] }>().items);
    const [b, q] = await list(owner);
    expect(b).toMatchObject({
      id: busy.id,
      counts: { evidence: 2, battlecards: 2, deals: 4 },
      lastEvidenceAt: newest.toISOString(),
      winRate: 2 / 3,
    });
    expect(q).toMatchObject({
      id: quiet.id,
      counts: { evidence: 0, battlecards: 0, deals: 0 },
      lastEvidenceAt: null,
      winRate: null,
    });
    // A private card counts for its owner only.
    expect((await list(colleague))[0]!.counts.battlecards).toBe(2);
    expect((await call(owner, 'GET', `/api/v1/competitors/${busy.id}`)).json()).toEqual(b);
  });

  it('filters by full text, name prefix, tier and tag', async () => {
    const owner = await registerOwner(t.app);
    await create(owner, { name: 'Acme', summary: 'Sells dashboards to retailers', tags: ['bi'] });
    await create(owner, { name: 'Globex', tier: 'primary', tags: ['crm', 'bi'] });
    await create(owner, { name: '100% Cotton', tier: 'emerging' });
    const names = async (query: string) =>
      (await call(owner, 'GET', `/api/v1/competitors?${query}`))
        .json<{ items: Competitor[] }>()
        .items.map((c) => c.name);
    expect(await names('q=dashboard')).toEqual(['Acme']);
    expect(await names('q=retailers%20dashboards')).toEqual(['Acme']);
    expect(await names('q=acm')).toEqual(['Acme']);
    expect(await names('q=GLO')).toEqual(['Globex']);
    expect(await names('q=100%25')).toEqual(['100% Cotton']);
    expect(await names('q=%25')).toEqual([]);
    expect(await names('q=nothing-like-it')).toEqual([]);
    // Only stop words: no full-text match, and no error either.
    expect(await names('q=the')).toEqual([]);
    expect(await names('tier=primary')).toEqual(['Globex']);
    expect(await names('tag=BI')).toEqual(['Acme', 'Globex']);
    expect(await names('tag=crm&tier=primary')).toEqual(['Globex']);
    const bad = await call(owner, 'GET', '/api/v1/competitors?tier=huge&sort=size');
    expect(fieldsOf(bad).sort()).toEqual(['querystring.sort', 'querystring.tier']);
  });

  it('walks every page once in name and in update order', async () => {
    const owner = await registerOwner(t.app);
    const names = ['delta', 'Alpha', 'charlie', 'Echo', 'bravo', 'Foxtrot', 'golf'];
    for (const name of names) await create(owner, { name });
    // The same update instant for some rows: the id breaks the tie.
    await db()
      .update(competitor)
      .set({ updatedAt: sql`'2024-01-01T00:00:00.123456Z'::timestamptz` })
      .where(
        and(
          eq(competitor.workspaceId, wsOf(owner)),
          inArray(competitor.nameKey, ['alpha', 'bravo', 'charlie']),
        ),
      );
    const walk = (sort: string) =>
      t.allPages<Competitor>(owner, `/api/v1/competitors?sort=${sort}&limit=3`);
    const byName = await walk('name');
    expect(byName.map((c) => c.name)).toEqual([
      'Alpha',
      'bravo',
      'charlie',
      'delta',
      'Echo',
      'Foxtrot',
      'golf',
    ]);
    const byUpdate = await walk('updated');
    expect(byUpdate.map((c) => c.name).slice(0, 4)).toEqual(['golf', 'Foxtrot', 'Echo', 'delta']);
    // The three sharing an instant come last, newest id first.
    const tied = byUpdate.slice(4);
    expect(tied.map((c) => c.name).sort()).toEqual(['Alpha', 'bravo', 'charlie']);
    expect(tied.map((c) => c.id)).toEqual(
      tied
        .map((c) => c.id)
        .sort()
        .reverse(),
    );
  });

  it('refuses limit 101 and a tampered cursor with 400', async () => {
    const owner = await registerOwner(t.app);
    const tooMany = await call(owner, 'GET', '/api/v1/competitors?limit=101');
    expect(tooMany.statusCode).toBe(400);
    expect(fieldsOf(tooMany)).toEqual(['querystring.limit']);
    const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const [sort, cursor] of [
      ['name', 'not-a-cursor'],
      ['name', cursorOf(['acme', 'not-a-uuid'])],
      ['name', cursorOf(['acme'])],
      ['updated', cursorOf(['acme', crypto.randomUUID()])],
      ['updated', cursorOf(['2024-02-31T00:00:00.000000Z', crypto.randomUUID()])],
      ['updated', cursorOf([{ evil: true }, crypto.randomUUID()])],
    ]) {
      const res = await call(owner, 'GET', `/api/v1/competitors?sort=${sort}&cursor=${cursor}`);
      expect(res.statusCode, `${sort} ${cursor}`).toBe(400);
      expect(res.json().error.code).toBe('invalid_cursor');
    }
  });
});
