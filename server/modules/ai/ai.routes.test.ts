import { describe, expect, it } from 'vitest';
import type { AiStatus, AnalyzeResult, CompetitorProfileView } from '../../../common/ai';
import { insertBattlecard } from '../../test/core-factories';
import { registerOwner } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { QUILLPOINT_DOCS, seedQuillpoint } from './test-support/quillpoint';

// A low AI limit, so the 429 is reached in a few requests; no job runs here.
const t = useTestApp({ jobs: { work: false }, env: { AI_REQUESTS_PER_MINUTE: '3' } });

describe('the AI routes', () => {
  it('builds the competitor profile with citations that quote its evidence', async () => {
    const owner = await registerOwner(t.app);
    const rivalId = await seedQuillpoint(t.services, owner.auth.workspace.id);
    const res = await t.call(owner, 'GET', `/api/v1/competitors/${rivalId}/profile`);
    expect(res.statusCode, res.body).toBe(200);
    const profile = res.json<CompetitorProfileView>();
    expect(profile.competitorId).toBe(rivalId);
    expect(profile.evidenceCount).toBe(QUILLPOINT_DOCS.length);
    expect(profile.facts.length).toBeGreaterThan(3);
    const texts = QUILLPOINT_DOCS.map((d) => d.content);
    for (const fact of profile.facts) {
      expect(fact.citations.length).toBeGreaterThan(0);
      for (const c of fact.citations) expect(texts.some((x) => x.includes(c.quote))).toBe(true);
    }
    // Unchanged evidence: the stored profile is served as it is.
    const again = await t.call(owner, 'GET', `/api/v1/competitors/${rivalId}/profile`);
    expect(again.json<CompetitorProfileView>().updatedAt).toBe(profile.updatedAt);
  });

  it('analyses a pasted text synchronously; over the limit it answers 429 ai_rate_limited', async () => {
    const owner = await registerOwner(t.app);
    const content = QUILLPOINT_DOCS[0]!.content;
    const first = await t.call(owner, 'POST', '/api/v1/ai/analyze', { content });
    expect(first.statusCode, first.body).toBe(200);
    const result = first.json<AnalyzeResult>();
    expect(result.engine).toBe('local');
    expect(result.facts.length).toBeGreaterThan(0);
    for (const fact of result.facts) expect(content).toContain(fact.quote);
    const second = await t.call(owner, 'POST', '/api/v1/ai/analyze', { content });
    expect(second.json<AnalyzeResult>()).toMatchObject({ cached: true, facts: result.facts });
    await t.call(owner, 'POST', '/api/v1/ai/analyze', { content });
    const limited = await t.call(owner, 'POST', '/api/v1/ai/analyze', { content });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'ai_rate_limited' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Per workspace: another workspace is not limited by this one.
    const other = await registerOwner(t.app);
    const fine = await t.call(other, 'POST', '/api/v1/ai/analyze', { content });
    expect(fine.statusCode).toBe(200);
  });

  it('refuses an analysis over 50 kB with a 400 naming the field', async () => {
    const owner = await registerOwner(t.app);
    const res = await t.call(owner, 'POST', '/api/v1/ai/analyze', {
      content: 'é'.repeat(26 * 1024),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('content');
  });

  it('reports the engine status with run figures', async () => {
    const owner = await registerOwner(t.app);
    await t.call(owner, 'POST', '/api/v1/ai/analyze', { content: 'Pro costs $10 per month.' });
    const res = await t.call(owner, 'GET', '/api/v1/ai/status');
    expect(res.statusCode).toBe(200);
    expect(res.json<AiStatus>()).toMatchObject({
      engine: 'local',
      provider: 'local',
      breaker: null,
      active: 0,
      requestsPerMinute: 3,
      lastHour: { runs: 1, failures: 0 },
      cacheHitRate: 0,
    });
  });

  it('answers 404 on every route for another workspace’s competitor or card', async () => {
    const owner = await registerOwner(t.app);
    const workspaceId = owner.auth.workspace.id;
    const rivalId = await seedQuillpoint(t.services, workspaceId);
    const card = await insertBattlecard(t.services, { workspaceId, competitorId: rivalId });
    const stranger = await registerOwner(t.app);
    const profile = await t.call(stranger, 'GET', `/api/v1/competitors/${rivalId}/profile`);
    expect(profile.statusCode).toBe(404);
    const gen = await t.call(stranger, 'POST', '/api/v1/battlecards/generate', {
      competitorId: rivalId,
      productSegment: 'Theirs',
    });
    expect(gen.statusCode).toBe(404);
    const regen = await t.call(
      stranger,
      'POST',
      `/api/v1/battlecards/${card.id}/sections/pricing/regenerate`,
      {},
    );
    expect(regen.statusCode).toBe(404);
  });

  it('validates the generate body and the section name', async () => {
    const owner = await registerOwner(t.app);
    const bad = await t.call(owner, 'POST', '/api/v1/battlecards/generate', {
      competitorId: 'nope',
      productSegment: '',
    });
    expect(bad.statusCode).toBe(400);
    const section = await t.call(
      owner,
      'POST',
      '/api/v1/battlecards/00000000-0000-4000-8000-000000000000/sections/gossip/regenerate',
      {},
    );
    expect(section.statusCode).toBe(400);
  });
});
