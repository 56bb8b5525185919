import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { GenerationAccepted } from '../../../common/ai';
import type { Battlecard } from '../../../common/battlecards';
import { aiRun, battlecard, claim, evidence, jobRun } from '../../db/schema';
import { eventually } from '../../test/harness';
import { type Account, registerOwner } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { seedQuillpoint } from './test-support/quillpoint';

const t = useTestApp({});

async function workspace(): Promise<{ owner: Account; workspaceId: string; rivalId: string }> {
  const owner = await registerOwner(t.app);
  const workspaceId = owner.auth.workspace.id;
  return { owner, workspaceId, rivalId: await seedQuillpoint(t.services, workspaceId) };
}

async function generate(owner: Account, rivalId: string, segment = 'Mid-market') {
  const res = await t.call(owner, 'POST', '/api/v1/battlecards/generate', {
    competitorId: rivalId,
    productSegment: segment,
    focusAreas: ['pricing', 'security'],
  });
  expect(res.statusCode, res.body).toBe(202);
  return res.json<GenerationAccepted>();
}

/** Waits for the job to finish and returns the card as its owner reads it. */
async function finished(owner: Account, accepted: GenerationAccepted): Promise<Battlecard> {
  const job = await eventually(
    async () => {
      const row = await t.services.jobs.get(accepted.jobId);
      return row && (row.status === 'completed' || row.status === 'failed') ? row : undefined;
    },
    60_000,
    'the generation job',
  );
  expect(job.status, job.error ?? '').toBe('completed');
  const res = await t.call(owner, 'GET', `/api/v1/battlecards/${accepted.battlecardId}`);
  expect(res.statusCode).toBe(200);
  return res.json<Battlecard>();
}

/** Every claim cites ≥ 1 evidence of the workspace whose content contains the quote. */
async function expectAllCited(workspaceId: string, card: Battlecard) {
  const claims = card.sections.flatMap((s) => s.claims);
  const ids = [...new Set(claims.flatMap((c) => c.citations.map((ci) => ci.evidenceId)))];
  const rows = ids.length
    ? await t
        .db()
        .select({ id: evidence.id, content: evidence.content })
        .from(evidence)
        .where(and(eq(evidence.workspaceId, workspaceId), inArray(evidence.id, ids)))
    : [];
  const contents = new Map(rows.map((r) => [r.id, r.content]));
  for (const c of claims) {
    expect(c.citations.length, c.text).toBeGreaterThanOrEqual(1);
    for (const citation of c.citations) {
      expect(contents.get(citation.evidenceId), citation.quote).toContain(citation.quote);
    }
  }
}

const claimCount = (card: Battlecard) => card.sections.reduce((n, s) => n + s.claims.length, 0);

describe('generating a battlecard', () => {
  it('writes a cited card through the job queue, notes empty sections, records the run', async () => {
    const { owner, workspaceId, rivalId } = await workspace();
    const accepted = await generate(owner, rivalId);
    expect(accepted.status).toBe('queued');
    const [row] = await t
      .db()
      .select({ status: battlecard.status })
      .from(battlecard)
      .where(eq(battlecard.id, accepted.battlecardId));
    expect(['generating', 'draft']).toContain(row!.status);

    const card = await finished(owner, accepted);
    expect(card.status).toBe('draft');
    expect(card.segment).toBe('Mid-market');
    expect(claimCount(card)).toBeGreaterThan(3);
    await expectAllCited(workspaceId, card);
    expect(card.generatedBy).toMatchObject({ engine: 'local', jobId: accepted.jobId, error: null });
    const empty = card.sections.filter((s) => s.claims.length === 0).map((s) => s.key);
    expect(card.generatedBy!.emptySections.map((e) => e.section).sort()).toEqual(empty.sort());
    for (const note of card.generatedBy!.emptySections) expect(note.note.length).toBeGreaterThan(5);

    const [run] = await t.db().select().from(aiRun).where(eq(aiRun.battlecardId, card.id));
    expect(run).toMatchObject({
      kind: 'generate',
      status: 'completed',
      engine: 'local',
      claimsWritten: claimCount(card),
    });
    expect(run!.cacheMisses).toBeGreaterThan(0);
    expect(await t.recordedEvent('battlecard.generated', card.id)).toBeDefined();
  });

  it('answers a second identical generation from the cache', async () => {
    const { owner, rivalId } = await workspace();
    const first = await finished(owner, await generate(owner, rivalId, 'Cache test'));
    const second = await finished(owner, await generate(owner, rivalId, 'Cache test'));
    const runs = await t
      .db()
      .select()
      .from(aiRun)
      .where(inArray(aiRun.battlecardId, [first.id, second.id]));
    const secondRun = runs.find((r) => r.battlecardId === second.id)!;
    expect(secondRun.cacheMisses).toBe(0);
    expect(secondRun.cacheHits).toBeGreaterThanOrEqual(7); // 5 analyses, profile, writer
    expect(claimCount(second)).toBe(claimCount(first));
  });

  it('never duplicates claims when a section is regenerated again and again', async () => {
    const { owner, rivalId } = await workspace();
    const card = await finished(owner, await generate(owner, rivalId));
    const before = claimCount(card);
    for (let i = 0; i < 2; i++) {
      const res = await t.call(
        owner,
        'POST',
        `/api/v1/battlecards/${card.id}/sections/pricing/regenerate`,
        {},
      );
      expect(res.statusCode, res.body).toBe(202);
      const again = await finished(owner, res.json<GenerationAccepted>());
      expect(claimCount(again)).toBe(before);
      expect(again.status).toBe('draft');
    }
  });

  it('keeps claims a person edited or verified on regenerate, unless asked to replace them', async () => {
    const { owner, rivalId } = await workspace();
    const card = await finished(owner, await generate(owner, rivalId));
    const section = card.sections.find((s) => s.claims.length >= 2)!;
    const [edited, verified] = section.claims;
    const patch = await t.call(
      owner,
      'PATCH',
      `/api/v1/battlecards/${card.id}/claims/${edited!.id}`,
      { text: 'Edited by a person: lead with our audit trail.' },
    );
    expect(patch.statusCode, patch.body).toBe(200);
    const verify = await t.call(
      owner,
      'POST',
      `/api/v1/battlecards/${card.id}/claims/${verified!.id}/verify`,
    );
    expect(verify.statusCode).toBe(200);

    const url = `/api/v1/battlecards/${card.id}/sections/${section.key}/regenerate`;
    const kept = await finished(owner, (await t.call(owner, 'POST', url, {})).json());
    const keptSection = kept.sections.find((s) => s.key === section.key)!;
    expect(keptSection.claims[0]).toMatchObject({
      id: edited!.id,
      text: 'Edited by a person: lead with our audit trail.',
    });
    expect(keptSection.claims[1]!.id).toBe(verified!.id);
    const origins = await t
      .db()
      .select({ id: claim.id, origin: claim.origin })
      .from(claim)
      .where(and(eq(claim.battlecardId, card.id), eq(claim.section, section.key)));
    expect(origins.find((o) => o.id === edited!.id)?.origin).toBe('human');
    // The AI claims were replaced, not added to: regenerating again changes no count.
    const again = await finished(owner, (await t.call(owner, 'POST', url, {})).json());
    expect(again.sections.find((s) => s.key === section.key)!.claims.length).toBe(
      keptSection.claims.length,
    );

    const replaced = await finished(
      owner,
      (await t.call(owner, 'POST', url, { replaceEdited: true })).json(),
    );
    const ids = replaced.sections.find((s) => s.key === section.key)!.claims.map((c) => c.id);
    expect(ids).not.toContain(edited!.id);
    expect(ids).not.toContain(verified!.id);
  });

  it('refuses to regenerate a card that is generating (409)', async () => {
    const { owner, rivalId } = await workspace();
    const accepted = await generate(owner, rivalId);
    // Let the real run finish first, so nothing else moves the status while this test holds it.
    await finished(owner, accepted);
    await t
      .db()
      .update(battlecard)
      .set({ status: 'generating' })
      .where(eq(battlecard.id, accepted.battlecardId));
    const res = await t.call(
      owner,
      'POST',
      `/api/v1/battlecards/${accepted.battlecardId}/sections/news/regenerate`,
      {},
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'generation_in_progress' } });
  });

  it('commits the card and its job together: a failing enqueue leaves no card', async () => {
    const { owner, workspaceId, rivalId } = await workspace();
    const db = t.services.database;
    // A real failure inside the transaction: the job table is away when the job is sent.
    await db.exec('alter table pgboss.job rename to job_away');
    let res;
    try {
      res = await t.call(owner, 'POST', '/api/v1/battlecards/generate', {
        competitorId: rivalId,
        productSegment: 'Atomic',
      });
    } finally {
      await db.exec('alter table pgboss.job_away rename to job');
    }
    expect(res.statusCode).toBe(500);
    const cards = await t
      .db()
      .select()
      .from(battlecard)
      .where(eq(battlecard.workspaceId, workspaceId));
    expect(cards).toHaveLength(0);
    const jobs = await t.db().select().from(jobRun).where(eq(jobRun.workspaceId, workspaceId));
    expect(jobs).toHaveLength(0);
  });

  it('marks the card failed with the error when the last attempt fails', async () => {
    const { owner, rivalId } = await workspace();
    const db = t.services.database;
    // A real failure on every attempt: the database refuses AI-written claims for a while.
    await db.exec(
      "alter table claim add constraint test_no_ai_claims check (origin <> 'ai') not valid",
    );
    try {
      const accepted = await generate(owner, rivalId, 'Doomed');
      const job = await eventually(
        async () => {
          const row = await t.services.jobs.get(accepted.jobId);
          return row?.status === 'failed' ? row : undefined;
        },
        60_000,
        'the job to fail',
      );
      expect(job.attempts).toBe(3);
      const res = await t.call(owner, 'GET', `/api/v1/battlecards/${accepted.battlecardId}`);
      const card = res.json<Battlecard>();
      expect(card.status).toBe('failed');
      expect(card.generatedBy?.error).toContain('test_no_ai_claims');
      const runs = await t.db().select().from(aiRun).where(eq(aiRun.battlecardId, card.id));
      expect(runs.map((r) => r.status)).toEqual(['failed', 'failed', 'failed']);
    } finally {
      await db.exec('alter table claim drop constraint test_no_ai_claims');
    }
  });
});
