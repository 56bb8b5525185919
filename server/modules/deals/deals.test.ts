import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../common/deals';
import { insertBattlecard, insertClaim, insertCompetitor } from '../../test/core-factories';
import { type Account, addMember, registerOwner } from '../../test/factories';
import { fieldsOf, useTestApp } from '../../test/test-app';

const t = useTestApp();
const { call } = t;
const rivalOf = (who: Account, name?: string) =>
  insertCompetitor(t.services, who.auth.workspace.id, name ? { name } : {});
const record = (who: Account, payload: object) => t.create<Deal>(who, '/api/v1/deals', payload);

/** An objection claim on a card of the competitor, written straight to the database. */
async function objectionClaim(who: Account, competitorId: string): Promise<string> {
  const workspaceId = who.auth.workspace.id;
  const card = await insertBattlecard(t.services, { workspaceId, competitorId });
  const row = await insertClaim(t.services, {
    workspaceId,
    battlecardId: card.id,
    section: 'objections',
    text: 'You are too expensive',
    response: 'We replace three tools.',
  });
  return row.id;
}

describe('recording deals', () => {
  it('stores the outcome, amount, reasons and objections; a bare date is midnight UTC', async () => {
    const owner = await registerOwner(t.app, { name: 'Dana Deal' });
    const rival = await rivalOf(owner, 'Acme');
    const claimId = await objectionClaim(owner, rival.id);
    const answered = {
      claimId,
      text: 'Too expensive',
      responseUsed: 'We replace three tools.',
      effective: true,
    };
    const input = {
      competitorId: rival.id,
      name: 'Initech renewal',
      outcome: 'won',
      amount: 48_000.5,
      currency: 'EUR',
      closedAt: '2024-03-31',
      reasons: ['Faster onboarding', 'Better support'],
      objections: [answered, { text: 'No SSO' }],
      notes: 'Champion was the VP of Sales.',
    };
    const deal = await record(owner, input);
    expect(deal).toMatchObject({
      ...input,
      competitorName: 'Acme',
      closedAt: '2024-03-31T00:00:00.000Z',
      objections: [
        answered,
        { claimId: null, text: 'No SSO', responseUsed: null, effective: null },
      ],
      createdBy: { id: owner.auth.user.id, name: 'Dana Deal' },
    });
    expect((await call(owner, 'GET', `/api/v1/deals/${deal.id}`)).json()).toEqual(deal);
    const withOffset = await record(owner, {
      competitorId: rival.id,
      outcome: 'lost',
      closedAt: '2024-04-01T09:30:00-05:00',
    });
    expect(withOffset).toMatchObject({ closedAt: '2024-04-01T14:30:00.000Z', amount: null });
    const recorded = await t.recordedEvent('deal.recorded', deal.id);
    expect(recorded?.data).toEqual({ competitorId: rival.id, outcome: 'won' });
  });

  it("refuses another workspace's competitor (404) and claim (400 invalid_claim naming it)", async () => {
    const owner = await registerOwner(t.app);
    const stranger = await registerOwner(t.app);
    const rival = await rivalOf(owner);
    const foreignRival = await rivalOf(stranger);
    const ownClaim = await objectionClaim(owner, rival.id);
    const foreignClaim = await objectionClaim(stranger, foreignRival.id);

    const foreign = await call(owner, 'POST', '/api/v1/deals', {
      competitorId: foreignRival.id,
      outcome: 'won',
      closedAt: '2024-01-01',
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('competitor_not_found');

    const res = await call(owner, 'POST', '/api/v1/deals', {
      competitorId: rival.id,
      outcome: 'lost',
      closedAt: '2024-01-01',
      objections: [
        { claimId: ownClaim, text: 'Fine' },
        { claimId: foreignClaim, text: 'Not ours' },
        { claimId: crypto.randomUUID(), text: 'Made up' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_claim');
    expect(res.json().error.message).toContain('Objection 1');
    expect(fieldsOf(res)).toEqual(['body.objections.1.claimId', 'body.objections.2.claimId']);
    const none = await call(owner, 'GET', '/api/v1/deals');
    expect(none.json().items).toEqual([]);
  });

  it('rejects invalid bodies with field paths and viewers with 403', async () => {
    const owner = await registerOwner(t.app);
    const viewer = await addMember(t.app, owner, 'viewer');
    const rival = await rivalOf(owner);
    const valid = { competitorId: rival.id, outcome: 'won', closedAt: '2024-01-01' };
    const cases: [object, string[]][] = [
      [{ ...valid, outcome: 'maybe' }, ['body.outcome']],
      [{ ...valid, closedAt: 'last Tuesday' }, ['body.closedAt']],
      [{ ...valid, closedAt: '2024-02-30' }, ['body.closedAt']],
      [{ ...valid, currency: 'usd' }, ['body.currency']],
      [{ ...valid, amount: -5 }, ['body.amount']],
      [{ ...valid, competitorId: 'acme' }, ['body.competitorId']],
      [{ ...valid, objections: [{ text: '' }] }, ['body.objections.0.text']],
      [{ ...valid, reasons: ['<b>price</b>'] }, ['body.reasons.0']],
    ];
    for (const [payload, paths] of cases) {
      const res = await call(owner, 'POST', '/api/v1/deals', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(fieldsOf(res)).toEqual(paths);
    }
    expect((await call(viewer, 'POST', '/api/v1/deals', valid)).statusCode).toBe(403);
  });
});

describe('reading and deleting deals', () => {
  it('lists newest close first with filters, and walks every page once', async () => {
    const owner = await registerOwner(t.app);
    const acme = await rivalOf(owner, 'Acme');
    const globex = await rivalOf(owner, 'Globex');
    const made: Deal[] = [];
    for (let day = 1; day <= 7; day++) {
      made.push(
        await record(owner, {
          competitorId: day % 2 ? acme.id : globex.id,
          outcome: day <= 3 ? 'won' : 'lost',
          // Two deals on the same instant: the id breaks the tie.
          closedAt: `2024-05-0${Math.min(day, 6)}`,
        }),
      );
    }
    const ids = async (query: string) =>
      (await call(owner, 'GET', `/api/v1/deals?${query}`))
        .json<{ items: Deal[] }>()
        .items.map((d) => d.id);
    const newestFirst = await ids('');
    expect(newestFirst.slice(2)).toEqual(
      made
        .slice(0, 5)
        .map((d) => d.id)
        .reverse(),
    );
    expect(new Set(newestFirst.slice(0, 2))).toEqual(new Set([made[5]!.id, made[6]!.id]));
    expect(await ids('outcome=won')).toEqual([made[2]!.id, made[1]!.id, made[0]!.id]);
    expect((await ids(`competitorId=${globex.id}`)).length).toBe(3);
    // A date-only `to` includes that whole day.
    expect(await ids('from=2024-05-02&to=2024-05-03')).toEqual([made[2]!.id, made[1]!.id]);
    expect(await ids('to=2024-05-01T00:00:00Z')).toEqual([made[0]!.id]);

    const seen = await t.allPages<Deal>(owner, '/api/v1/deals?limit=2');
    expect(seen.map((d) => d.id)).toEqual(newestFirst);

    expect(fieldsOf(await call(owner, 'GET', '/api/v1/deals?limit=101'))).toEqual([
      'querystring.limit',
    ]);
    const tampered = await call(owner, 'GET', '/api/v1/deals?cursor=WyJub3QiLCJyaWdodCJd');
    expect(tampered.json().error.code).toBe('invalid_cursor');
  });

  it('is 404 in another workspace; editors delete, viewers cannot', async () => {
    const owner = await registerOwner(t.app);
    const viewer = await addMember(t.app, owner, 'viewer');
    const editor = await addMember(t.app, owner, 'editor');
    const rival = await rivalOf(owner);
    const deal = await record(owner, {
      competitorId: rival.id,
      outcome: 'won',
      closedAt: '2024-01-01',
    });
    const stranger = await registerOwner(t.app);
    for (const method of ['GET', 'DELETE'] as const) {
      const res = await call(stranger, method, `/api/v1/deals/${deal.id}`);
      expect(res.statusCode, method).toBe(404);
      expect(res.json().error.code).toBe('deal_not_found');
    }
    expect((await call(stranger, 'GET', '/api/v1/deals')).json().items).toEqual([]);
    expect((await call(viewer, 'GET', `/api/v1/deals/${deal.id}`)).statusCode).toBe(200);
    expect((await call(viewer, 'DELETE', `/api/v1/deals/${deal.id}`)).statusCode).toBe(403);
    expect((await call(editor, 'DELETE', `/api/v1/deals/${deal.id}`)).statusCode).toBe(204);
    expect((await call(owner, 'GET', `/api/v1/deals/${deal.id}`)).statusCode).toBe(404);
    const recorded = await t.recordedEvent('deal.deleted', deal.id);
    expect(recorded?.actorId).toBe(editor.auth.user.id);
  });
});

describe('win rates', () => {
  it('is won / (won + lost) per competitor, most decided first, without deal-less rivals', async () => {
    const owner = await registerOwner(t.app);
    const acme = await rivalOf(owner, 'Acme');
    const globex = await rivalOf(owner, 'Globex');
    const undecided = await rivalOf(owner, 'Hooli');
    await rivalOf(owner, 'No Deals Inc');
    const deals: [string, string, string][] = [
      [acme.id, 'won', '2024-01-10'],
      [acme.id, 'lost', '2024-02-10'],
      [globex.id, 'won', '2024-01-15'],
      [globex.id, 'won', '2024-01-16'],
      [globex.id, 'won', '2024-02-16'],
      [globex.id, 'lost', '2024-02-20'],
      [globex.id, 'no_decision', '2024-02-21'],
      [undecided.id, 'no_decision', '2024-01-05'],
    ];
    for (const [competitorId, outcome, closedAt] of deals) {
      await record(owner, { competitorId, outcome, closedAt });
    }
    // Another workspace's deals never count.
    const stranger = await registerOwner(t.app);
    await record(stranger, {
      competitorId: (await rivalOf(stranger, 'Acme')).id,
      outcome: 'lost',
      closedAt: '2024-01-10',
    });

    const rates = async (query = '') =>
      (await call(owner, 'GET', `/api/v1/deals/win-rates${query}`)).json().items;
    expect(await rates()).toEqual([
      {
        competitorId: globex.id,
        competitorName: 'Globex',
        won: 3,
        lost: 1,
        noDecision: 1,
        winRate: 0.75,
      },
      {
        competitorId: acme.id,
        competitorName: 'Acme',
        won: 1,
        lost: 1,
        noDecision: 0,
        winRate: 0.5,
      },
      {
        competitorId: undecided.id,
        competitorName: 'Hooli',
        won: 0,
        lost: 0,
        noDecision: 1,
        winRate: null,
      },
    ]);
    expect(await rates('?from=2024-02-01&to=2024-02-29')).toEqual([
      {
        competitorId: globex.id,
        competitorName: 'Globex',
        won: 1,
        lost: 1,
        noDecision: 1,
        winRate: 0.5,
      },
      { competitorId: acme.id, competitorName: 'Acme', won: 0, lost: 1, noDecision: 0, winRate: 0 },
    ]);
    const list = await call(owner, 'GET', '/api/v1/competitors');
    const globexRow = list.json().items.find((c: { id: string }) => c.id === globex.id);
    expect(globexRow).toMatchObject({ winRate: 0.75, counts: { deals: 5 } });
    const bad = await call(owner, 'GET', '/api/v1/deals/win-rates?from=soon');
    expect(fieldsOf(bad)).toEqual(['querystring.from']);
  });
});
