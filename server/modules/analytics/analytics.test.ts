import { and, eq, gt } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { CardImpact, Overview, Trends } from '../../../common/analytics';
import { USAGE_EVENTS } from '../../../common/usage-events';
import { deal, event } from '../../db/schema';
import {
  insertBattlecard,
  insertClaim,
  insertCompetitor,
  insertEvidence,
} from '../../test/core-factories';
import { type Account, addMember, registerOwner } from '../../test/factories';
import { useTestApp } from '../../test/test-app';

const t = useTestApp();

const at = (iso: string) => new Date(iso);

/**
 * A workspace with known history (all in March 2026):
 * - Acme: 2 cards (one published, one archived), 3 evidence rows, deals won 3 / lost 1
 * - Beta: 1 draft card, 1 evidence row, deals won 0 / lost 2 (+1 undecided)
 * - views of an Acme card on Mar 5 (2 people) and Mar 20; none of Beta's card
 */
async function arrange() {
  const owner = await registerOwner(t.app);
  const seller = await addMember(t.app, owner, 'viewer', 'Sam Seller');
  const ws = owner.auth.workspace.id;
  const s = t.services;
  const acme = await insertCompetitor(s, ws, { name: `Acme ${Math.random()}` });
  const beta = await insertCompetitor(s, ws, { name: `Beta ${Math.random()}` });
  const acmeCard = await insertBattlecard(s, {
    workspaceId: ws,
    competitorId: acme.id,
    status: 'published',
    createdAt: at('2026-03-02T10:00:00Z'),
    contentUpdatedAt: at('2026-03-02T10:00:00Z'),
  });
  await insertBattlecard(s, {
    workspaceId: ws,
    competitorId: acme.id,
    status: 'archived',
    createdAt: at('2026-03-03T10:00:00Z'),
    contentUpdatedAt: at('2026-03-03T10:00:00Z'),
  });
  const betaCard = await insertBattlecard(s, {
    workspaceId: ws,
    competitorId: beta.id,
    createdAt: at('2026-03-10T10:00:00Z'),
    contentUpdatedAt: at('2026-03-10T10:00:00Z'),
  });
  const objection = await insertClaim(s, {
    workspaceId: ws,
    battlecardId: acmeCard.id,
    section: 'objections',
    text: 'They are cheaper',
    response: 'Total cost is lower with us',
  });
  await insertClaim(s, { workspaceId: ws, battlecardId: acmeCard.id, stale: true });
  await insertClaim(s, { workspaceId: ws, battlecardId: betaCard.id, stale: true, position: 1 });
  for (const day of ['04', '05', '06']) {
    await insertEvidence(s, {
      workspaceId: ws,
      competitorId: acme.id,
      content: `Acme note ${day}`,
      capturedAt: at(`2026-03-${day}T09:00:00Z`),
    });
  }
  await insertEvidence(s, {
    workspaceId: ws,
    competitorId: beta.id,
    content: 'Beta note',
    capturedAt: at('2026-03-07T09:00:00Z'),
  });
  const views = [
    { actorId: owner.auth.user.id, when: '2026-03-05T12:00:00Z' },
    { actorId: seller.auth.user.id, when: '2026-03-05T13:00:00Z' },
    { actorId: seller.auth.user.id, when: '2026-03-20T13:00:00Z' },
  ];
  await t
    .db()
    .insert(event)
    .values(
      views.map((v) => ({
        workspaceId: ws,
        actorId: v.actorId,
        type: USAGE_EVENTS.cardViewed,
        entity: 'battlecard',
        entityId: acmeCard.id,
        createdAt: at(v.when),
      })),
    );
  await t
    .db()
    .insert(event)
    .values({
      workspaceId: ws,
      actorId: owner.auth.user.id,
      type: USAGE_EVENTS.cardGenerated,
      entity: 'battlecard',
      entityId: betaCard.id,
      createdAt: at('2026-03-10T10:00:00Z'),
    });
  const cheaper = {
    claimId: objection.id,
    text: 'Too expensive',
    responseUsed: 'TCO',
    effective: true,
  };
  const deals = [
    // Acme: viewed within 30 days before close → 2 won, 1 lost; Mar 1 close: no view before it.
    { competitorId: acme.id, outcome: 'won', closedAt: '2026-03-10', objections: [cheaper] },
    { competitorId: acme.id, outcome: 'won', closedAt: '2026-03-25', objections: [cheaper] },
    {
      competitorId: acme.id,
      outcome: 'lost',
      closedAt: '2026-03-21',
      objections: [{ ...cheaper, effective: false }],
    },
    { competitorId: acme.id, outcome: 'won', closedAt: '2026-03-01', objections: [] },
    // Beta: never viewed.
    {
      competitorId: beta.id,
      outcome: 'lost',
      closedAt: '2026-03-12',
      objections: [
        { claimId: null, text: 'Missing SSO', responseUsed: 'SSO on all plans', effective: null },
      ],
    },
    {
      competitorId: beta.id,
      outcome: 'lost',
      closedAt: '2026-03-15',
      objections: [
        { claimId: null, text: 'Not raised with a response', responseUsed: null, effective: null },
      ],
    },
    { competitorId: beta.id, outcome: 'no_decision', closedAt: '2026-03-16', objections: [] },
    // Outside the period: ignored.
    { competitorId: beta.id, outcome: 'won', closedAt: '2026-05-01', objections: [] },
  ] as const;
  await t
    .db()
    .insert(deal)
    .values(
      deals.map((d) => ({
        workspaceId: ws,
        competitorId: d.competitorId,
        outcome: d.outcome,
        closedAt: at(`${d.closedAt}T17:00:00Z`),
        objections: [...d.objections],
      })),
    );
  return { owner, seller, acme, beta, acmeCard, betaCard, objection };
}

const MARCH = 'from=2026-03-01&to=2026-03-31';

describe('analytics', () => {
  it('overview counts what happened in the period, by hand', async () => {
    const { owner } = await arrange();
    const res = await t.call(owner, 'GET', `/api/v1/analytics/overview?${MARCH}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<Overview>()).toMatchObject({
      period: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-31T23:59:59.999Z' },
      totalBattlecards: 2,
      publishedBattlecards: 1,
      activeCompetitors: 2,
      aiGenerations: 1,
      activeUsers: 2,
      staleClaims: 2,
    });
  });

  it('computes figures once per few seconds per workspace and period, not per request', async () => {
    const { owner, acme } = await arrange();
    const read = async (query: string) =>
      (await t.call(owner, 'GET', `/api/v1/analytics/overview?${query}`)).json<Overview>();
    expect((await read(MARCH)).totalBattlecards).toBe(2);
    await insertBattlecard(t.services, {
      workspaceId: owner.auth.workspace.id,
      competitorId: acme.id,
      createdAt: at('2026-03-20T10:00:00Z'),
      contentUpdatedAt: at('2026-03-20T10:00:00Z'),
    });
    // The same question within the window: the figures computed a moment ago.
    expect((await read(MARCH)).totalBattlecards).toBe(2);
    // Another question is computed afresh and sees the new card.
    expect((await read('from=2026-03-01&to=2026-03-30')).totalBattlecards).toBe(3);
  });

  it('trends: creation and views per day, updates, objections, win rates', async () => {
    const { owner, acme, beta } = await arrange();
    const res = await t.call(owner, 'GET', `/api/v1/analytics/trends?${MARCH}&interval=day`);
    expect(res.statusCode).toBe(200);
    const body = res.json<Trends>();
    expect(body.battlecardCreation).toHaveLength(31);
    const created = body.battlecardCreation.filter((p) => p.count > 0);
    expect(created).toEqual([
      { date: '2026-03-02', count: 1 },
      { date: '2026-03-03', count: 1 },
      { date: '2026-03-10', count: 1 },
    ]);
    expect(body.cardViews.filter((p) => p.count > 0)).toEqual([
      { date: '2026-03-05', count: 2 },
      { date: '2026-03-20', count: 1 },
    ]);
    expect(body.competitorUpdates).toEqual([
      { competitorId: acme.id, competitor: acme.name, updates: 3 },
      { competitorId: beta.id, competitor: beta.name, updates: 1 },
    ]);
    expect(body.objectionEffectiveness).toEqual([
      { category: 'They are cheaper', used: 3, won: 2, effectiveness: 2 / 3, markedEffective: 2 },
      { category: 'Missing SSO', used: 1, won: 0, effectiveness: 0, markedEffective: 0 },
    ]);
    expect(body.winRates).toEqual([
      { competitorId: acme.id, competitor: acme.name, won: 3, lost: 1, winRate: 0.75 },
      { competitorId: beta.id, competitor: beta.name, won: 0, lost: 2, winRate: 0 },
    ]);
    expect(Object.keys(body.rules)).toEqual(
      expect.arrayContaining(['cardViews', 'winRates', 'objectionEffectiveness']),
    );

    const weekly = await t.call(owner, 'GET', `/api/v1/analytics/trends?${MARCH}&interval=week`);
    const weeks = weekly.json<Trends>().cardViews;
    // ISO weeks starting Mondays: Feb 23 (holds Mar 1), Mar 2, 9, 16, 23, 30.
    expect(weeks.map((w) => w.date)).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
    ]);
    expect(weeks.map((w) => w.count)).toEqual([0, 2, 0, 1, 0, 0]);
  });

  it('card impact splits decided deals by a view in the window before close', async () => {
    const { owner } = await arrange();
    const res = await t.call(owner, 'GET', `/api/v1/analytics/card-impact?${MARCH}`);
    const body = res.json<CardImpact>();
    // Viewed: Acme Mar 10 (won; view Mar 5), Mar 21 (lost; view Mar 20), Mar 25 (won; Mar 20).
    // Not viewed: Acme Mar 1 (won), Beta Mar 12 and 15 (lost). Undecided left out.
    expect(body.viewed).toEqual({ deals: 3, won: 2, lost: 1, winRate: 2 / 3 });
    expect(body.notViewed).toEqual({ deals: 3, won: 1, lost: 2, winRate: 1 / 3 });
    expect(body.liftPoints).toBe(33.3);
    expect(body.windowDays).toBe(30);
    expect(body.rule).toMatch(/30 days before the deal closed/);

    // A 3-day window: only the Mar 21 loss (view Mar 20) counts as viewed.
    const narrow = (
      await t.call(owner, 'GET', `/api/v1/analytics/card-impact?${MARCH}&windowDays=3`)
    ).json<CardImpact>();
    expect(narrow.viewed).toEqual({ deals: 1, won: 0, lost: 1, winRate: 0 });
    expect(narrow.notViewed).toEqual({ deals: 5, won: 3, lost: 2, winRate: 0.6 });
  });

  it('records card views and copied responses, once per person per half hour', async () => {
    const { seller, acmeCard, objection } = await arrange();
    for (let i = 0; i < 3; i++) {
      expect((await t.call(seller, 'GET', `/api/v1/battlecards/${acmeCard.id}`)).statusCode).toBe(
        200,
      );
    }
    const copy = await t.call(seller, 'POST', '/api/v1/analytics/events', {
      type: 'response.copied',
      battlecardId: acmeCard.id,
      claimId: objection.id,
    });
    expect(copy.statusCode).toBe(202);
    await t.services.usage.flush();
    // Three opens now, by one person: one new event (the arranged ones are from March).
    const viewsNow = await t
      .db()
      .select()
      .from(event)
      .where(
        and(
          eq(event.type, USAGE_EVENTS.cardViewed),
          eq(event.entityId, acmeCard.id),
          eq(event.actorId, seller.auth.user.id),
          gt(event.createdAt, at('2026-04-01T00:00:00Z')),
        ),
      );
    expect(viewsNow).toHaveLength(1);
    const copied = await t.recordedEvent(USAGE_EVENTS.responseCopied, objection.id);
    expect(copied?.data).toEqual({ battlecardId: acmeCard.id });
  });

  it('rejects bad periods and foreign cards with clear 4xx', async () => {
    const { owner, acmeCard } = await arrange();
    const other: Account = await registerOwner(t.app);
    const cases: [string, number, string][] = [
      ['/api/v1/analytics/overview?from=2026-04-01&to=2026-03-01', 400, 'invalid_period'],
      ['/api/v1/analytics/overview?from=2020-01-01&to=2026-03-01', 400, 'invalid_period'],
      ['/api/v1/analytics/trends?interval=month', 400, 'validation_failed'],
      ['/api/v1/analytics/card-impact?windowDays=0', 400, 'validation_failed'],
    ];
    for (const [url, status, code] of cases) {
      const res = await t.call(owner, 'GET', url);
      expect([url, res.statusCode, res.json<{ error: { code: string } }>().error.code]).toEqual([
        url,
        status,
        code,
      ]);
    }
    const foreign = await t.call(other, 'POST', '/api/v1/analytics/events', {
      type: 'response.copied',
      battlecardId: acmeCard.id,
    });
    expect(foreign.statusCode).toBe(404);
    // Another workspace's figures stay its own.
    const theirs = (
      await t.call(other, 'GET', `/api/v1/analytics/overview?${MARCH}`)
    ).json<Overview>();
    expect(theirs.totalBattlecards).toBe(0);
  });
});
