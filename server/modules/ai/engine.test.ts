import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../config';
import { createLogger } from '../../lib/logger';
import { INTELLIGENCE_INPUT, PRICING_PAGE, writerInput } from '../../test/fake-llm/agent-inputs';
import { type FakeLlmServer, scriptedModel, startFakeOpenAi } from '../../test/fake-llm';
import { AGENT_SCHEMAS } from './contracts';
import { type AiEngine, type AiEngineOptions, createAiEngine } from './engine';
import { createLocalEngine } from './local';

const log = createLogger('silent');
const local = createLocalEngine();

function aiConfig(overrides: Partial<Config['ai']> = {}): Pick<Config, 'ai'> {
  return {
    ai: {
      provider: 'openai',
      model: 'gpt-4o-mini',
      baseUrl: undefined,
      apiKey: 'k',
      maxConcurrent: 4,
      timeoutMs: 10_000,
      requestsPerMinute: 60,
      dailyTokenBudget: 0,
      ...overrides,
    },
  };
}

let server: FakeLlmServer;
const engines: AiEngine[] = [];
function engineFor(overrides: Partial<Config['ai']> = {}, extra: Partial<AiEngineOptions> = {}) {
  const engine = createAiEngine({
    config: aiConfig({ baseUrl: server.url, ...overrides }),
    log,
    local,
    ...extra,
  });
  engines.push(engine);
  return engine;
}

beforeAll(async () => {
  server = await startFakeOpenAi(scriptedModel);
});
afterEach(() => {
  server.handle(scriptedModel);
  while (engines.length) engines.pop()!.shutdown();
});
afterAll(() => server.close());

describe('AI engine factory', () => {
  it('with AI_PROVIDER=local runs the local engine and never calls out', async () => {
    const before = server.requests.length;
    const engine = createAiEngine({
      config: aiConfig({ provider: 'local', model: undefined }),
      log,
      local,
    });
    const result = await engine.run('content_analysis', PRICING_PAGE);
    expect(result).toMatchObject({ engine: 'local', model: 'ringside-local' });
    expect(result.fallbackReason).toBeUndefined();
    expect(engine.stats()).toMatchObject({
      engine: 'local',
      provider: 'local',
      breaker: 'none',
      calls: 1,
    });
    expect(server.requests.length).toBe(before);
  });

  it('keeps at most AI_MAX_CONCURRENT calls in flight at the provider', async () => {
    server.handle((request) => ({ delayMs: 150, then: scriptedModel(request) }));
    server.maxInFlight = 0;
    const engine = engineFor({ maxConcurrent: 2 });
    const running = Array.from({ length: 7 }, () => engine.run('content_analysis', PRICING_PAGE));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(engine.stats()).toMatchObject({ active: 2, queued: 5, maxConcurrent: 2 });
    const results = await Promise.all(running);
    expect(results.every((r) => r.engine === 'llm')).toBe(true);
    expect(server.maxInFlight).toBe(2);
    expect(engine.stats()).toMatchObject({ active: 0, queued: 0, calls: 7, fallbacks: 0 });
  });

  it('aborts a hanging call within AI_TIMEOUT_MS and answers with the local engine', async () => {
    server.handle(() => ({ hang: true }));
    const aborted = server.abortedRequests;
    const engine = engineFor({ timeoutMs: 400 });
    const started = Date.now();
    const result = await engine.run('content_analysis', PRICING_PAGE);
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({
      engine: 'local',
      model: 'ringside-local',
      fallbackReason: 'timeout',
    });
    AGENT_SCHEMAS.content_analysis.output.parse(result.output);
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(1_500);
    await expect.poll(() => server.abortedRequests).toBe(aborted + 1);
    expect(engine.stats()).toMatchObject({ failures: 1, fallbacks: 1 });
  });

  it('retries invalid JSON once, then falls back with "invalid output"', async () => {
    const engine = engineFor();
    let calls = 0;
    server.handle((request) =>
      ++calls === 1 ? { text: '{"facts": [oops' } : scriptedModel(request),
    );
    const recovered = await engine.run('content_analysis', PRICING_PAGE);
    expect(recovered.engine).toBe('llm');
    expect(calls).toBe(2);

    calls = 0;
    server.handle(() => (++calls, { text: 'Sure! Here are the facts: pricing is $49.' }));
    const fallback = await engine.run('content_analysis', PRICING_PAGE);
    expect(calls).toBe(2);
    expect(fallback).toMatchObject({ engine: 'local', fallbackReason: 'invalid output' });
  });

  it('opens the breaker after repeated 500s; then calls go straight to the local engine', async () => {
    server.handle(() => ({ status: 500, message: 'upstream exploded' }));
    const engine = engineFor({}, { breaker: { volumeThreshold: 3, resetTimeout: 400 } });
    const start = server.requests.length;
    for (let i = 0; i < 3; i++) {
      const r = await engine.run('content_analysis', PRICING_PAGE);
      expect(r.fallbackReason).toBe('provider error (HTTP 500)');
    }
    expect(engine.stats().breaker).toBe('open');
    expect(server.requests.length - start).toBe(3);

    // Open: the whole pipeline still produces a cited card, from the local engine, without a request.
    const analysis = await engine.run('content_analysis', PRICING_PAGE);
    const profile = await engine.run('competitive_intelligence', INTELLIGENCE_INPUT);
    const card = await engine.run('battlecard_writer', writerInput(profile.output));
    for (const r of [analysis, profile, card]) {
      expect(r).toMatchObject({ engine: 'local', fallbackReason: 'circuit open' });
    }
    expect(card.output.claims.length).toBeGreaterThan(0);
    for (const claim of card.output.claims)
      expect(claim.citations.length).toBeGreaterThanOrEqual(1);
    expect(server.requests.length - start).toBe(3);
    expect(engine.stats()).toMatchObject({ breaker: 'open', calls: 6, failures: 3, fallbacks: 6 });

    // After resetTimeout one trial call goes through; a healthy answer closes the breaker.
    server.handle(scriptedModel);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(engine.stats().breaker).toBe('half-open');
    const healed = await engine.run('content_analysis', PRICING_PAGE);
    expect(healed.engine).toBe('llm');
    expect(engine.stats().breaker).toBe('closed');
  });

  it('falls back on a body that is not the protocol, and on an unreachable provider', async () => {
    server.handle(() => ({ garbage: '<html>502 Bad Gateway</html>\u0000\u0001' }));
    const garbage = await engineFor().run('content_analysis', PRICING_PAGE);
    expect(garbage).toMatchObject({ engine: 'local', fallbackReason: 'provider error' });

    const unreachable = await engineFor({ baseUrl: 'http://127.0.0.1:9/v1' }).run(
      'content_analysis',
      PRICING_PAGE,
    );
    expect(unreachable).toMatchObject({ engine: 'local', fallbackReason: 'provider error' });
  });

  it('does not fall back when the caller gives up, and does not count it against the provider', async () => {
    server.handle(() => ({ hang: true }));
    const engine = engineFor();
    const controller = new AbortController();
    const call = engine.run('content_analysis', PRICING_PAGE, controller.signal);
    setTimeout(() => controller.abort(), 100);
    await expect(call).rejects.toThrow();
    expect(engine.stats()).toMatchObject({ fallbacks: 0, failures: 0, breaker: 'closed' });
  });
});
