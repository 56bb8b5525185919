import { and, asc, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { GenerationInfo } from '../../../../common/battlecards';
import { aiRun, battlecard, claim, event, workspace } from '../../../db/schema';
import { insertBattlecard, insertCompetitor, insertEvidence } from '../../../test/core-factories';
import { useTestApp } from '../../../test/test-app';
import { newTally } from '../agent-cache';
import { createLocalEngine } from '../local';
import { startRun } from '../runs';
import { type SaveRequest, emptyGeneration, saveGeneration } from './save-generation';
import { type OpenedClaims, claimsJson, claimsVersion } from './stored-claims';

/**
 * The save writes claims, the card, its event and the run's close in one transaction; a save
 * of claims equal to the stored ones writes no claim rows but still records the run; evidence
 * that changed since it was read refuses the save.
 */
const t = useTestApp({});

const PAGE = 'Acme Pro costs $40 per user per month. Acme is SOC 2 Type II certified.';

async function setup() {
  const [ws] = await t.db().insert(workspace).values({ name: 'Save' }).returning();
  const workspaceId = ws!.id;
  const rival = await insertCompetitor(t.services, workspaceId);
  const doc = await insertEvidence(t.services, {
    workspaceId,
    competitorId: rival.id,
    content: PAGE,
  });
  const card = await insertBattlecard(t.services, { workspaceId, competitorId: rival.id });
  const request = async (hash = doc.contentHash): Promise<SaveRequest> => {
    const tally = newTally(createLocalEngine());
    tally.hits = 3;
    const runId = await startRun(t.db(), {
      workspaceId,
      battlecardId: card.id,
      kind: 'regenerate',
      engine: 'local',
      model: tally.model,
    });
    const generatedBy: GenerationInfo = { ...emptyGeneration(), engine: 'local', runId };
    return {
      workspaceId,
      battlecardId: card.id,
      sections: ['pricing'],
      replaceEdited: false,
      claims: [
        {
          section: 'pricing',
          text: 'Acme Pro costs $40 per user per month.',
          response: null,
          audience: 'internal',
          confidence: 0.8,
          citations: [{ evidenceId: doc.id, quote: 'Acme Pro costs $40 per user per month.' }],
        },
      ],
      evidenceHashes: new Map([[doc.id, hash]]),
      status: 'draft',
      generatedBy,
      requestedBy: null,
      run: { id: runId, tally, startedAt: performance.now(), claimsDropped: 1 },
    };
  };
  return { workspaceId, card, doc, request };
}

const claimsOf = (battlecardId: string) =>
  t
    .db()
    .select({ id: claim.id, text: claim.text, citations: claim.citations })
    .from(claim)
    .where(eq(claim.battlecardId, battlecardId))
    .orderBy(asc(claim.position));

/** The pricing claims and their version, as a generation reads them when it opens. */
async function openedClaims(battlecardId: string): Promise<OpenedClaims> {
  const result: unknown = await t
    .db()
    .execute(
      sql`select ${claimsJson(battlecardId, ['pricing'])} as claims, ${claimsVersion(battlecardId, ['pricing'])} as version`,
    );
  const { rows } = result as { rows: OpenedClaims[] };
  return rows[0]!;
}

const runOf = async (id: string) => (await t.db().select().from(aiRun).where(eq(aiRun.id, id)))[0]!;

it('writes the claims, the card, its event and the closed run together', async () => {
  const { card, request } = await setup();
  const first = await request();
  const saved = await saveGeneration(t.services.database, first);
  expect(saved).toMatchObject({ status: 'completed', claimsWritten: 1, claimsDropped: 1 });
  expect((await claimsOf(card.id)).map((c) => c.text)).toEqual([first.claims[0]!.text]);
  const [row] = await t.db().select().from(battlecard).where(eq(battlecard.id, card.id));
  expect(row!.generatedBy).toMatchObject({ runId: first.run.id });
  expect(await runOf(first.run.id)).toMatchObject({
    status: 'completed',
    cacheHits: 3,
    claimsWritten: 1,
    claimsDropped: 1,
  });
  const events = await t
    .db()
    .select()
    .from(event)
    .where(and(eq(event.entityId, card.id), eq(event.type, 'battlecard.generated')));
  expect(events.map((e) => e.data)).toEqual([
    { sections: ['pricing'], claims: 1, engine: 'local', runId: first.run.id },
  ]);
});

it('keeps equal claims as they are, and still records the run and the card', async () => {
  const { card, request } = await setup();
  await saveGeneration(t.services.database, await request());
  const before = await claimsOf(card.id);
  const again = await request();
  const saved = await saveGeneration(t.services.database, again);
  expect(saved).toMatchObject({ claimsWritten: 1 });
  // Same rows: ids and citations unchanged.
  expect(await claimsOf(card.id)).toEqual(before);
  expect(await runOf(again.run.id)).toMatchObject({ status: 'completed', claimsWritten: 1 });
  const [row] = await t.db().select().from(battlecard).where(eq(battlecard.id, card.id));
  expect(row!.generatedBy).toMatchObject({ runId: again.run.id });
});

it('saves equal claims in one statement when nothing changed since the generation opened', async () => {
  const { card, request } = await setup();
  await saveGeneration(t.services.database, await request());
  const before = await claimsOf(card.id);
  const again = { ...(await request()), opened: await openedClaims(card.id) };
  expect(await saveGeneration(t.services.database, again)).toMatchObject({ claimsWritten: 1 });
  expect(await claimsOf(card.id)).toEqual(before);
  expect(await runOf(again.run.id)).toMatchObject({ status: 'completed', claimsWritten: 1 });
  const [row] = await t.db().select().from(battlecard).where(eq(battlecard.id, card.id));
  expect(row!.generatedBy).toMatchObject({ runId: again.run.id });
  const events = await t
    .db()
    .select({ data: event.data })
    .from(event)
    .where(and(eq(event.entityId, card.id), eq(event.type, 'battlecard.generated')));
  expect(events.map((e) => e.data)).toContainEqual({
    sections: ['pricing'],
    claims: 1,
    engine: 'local',
    runId: again.run.id,
  });
});

it('does the full save when a claim changed after the generation opened', async () => {
  const { card, request } = await setup();
  await saveGeneration(t.services.database, await request());
  const again = { ...(await request()), opened: await openedClaims(card.id) };
  // Someone deletes the claim while the regeneration runs: it is written again.
  await t.db().delete(claim).where(eq(claim.battlecardId, card.id));
  expect(await saveGeneration(t.services.database, again)).toMatchObject({ claimsWritten: 1 });
  expect((await claimsOf(card.id)).map((c) => c.text)).toEqual([again.claims[0]!.text]);
  expect(await runOf(again.run.id)).toMatchObject({ status: 'completed', claimsWritten: 1 });
});

it('refuses a save whose cited evidence changed since it was read, writing nothing', async () => {
  const { card, request } = await setup();
  await saveGeneration(t.services.database, await request());
  const before = await claimsOf(card.id);
  const stale = { ...(await request('0'.repeat(64))), opened: await openedClaims(card.id) };
  await expect(saveGeneration(t.services.database, stale)).rejects.toThrow(/deleted or changed/);
  expect(await claimsOf(card.id)).toEqual(before);
  expect((await runOf(stale.run.id)).status).toBe('running');
  const [row] = await t.db().select().from(battlecard).where(eq(battlecard.id, card.id));
  expect(row!.generatedBy).not.toMatchObject({ runId: stale.run.id });
});
