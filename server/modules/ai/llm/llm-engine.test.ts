import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../lib/logger';
import {
  CHANGE_INPUT,
  INTELLIGENCE_INPUT,
  PRICING_PAGE,
  writerInput,
} from '../../../test/fake-llm/agent-inputs';
import {
  type FakeLlmServer,
  agentOf,
  scriptedModel,
  startFakeAnthropic,
  startFakeOpenAi,
} from '../../../test/fake-llm';
import { AGENT_SCHEMAS, type Engine } from '../contracts';
import { createLlmEngine } from './llm-engine';

const log = createLogger('silent');

const PROVIDERS = [
  { label: 'OpenAI (chat completions)', provider: 'openai', model: 'gpt-4o-mini' },
  {
    label: 'OpenAI-compatible (Ollama, vLLM…)',
    provider: 'openai-compatible',
    model: 'llama3.1:8b',
  },
  {
    label: 'Anthropic (native structured output)',
    provider: 'anthropic',
    model: 'claude-sonnet-4-5',
  },
  { label: 'Anthropic (json tool)', provider: 'anthropic', model: 'claude-3-haiku-20240307' },
] as const;

describe.each(PROVIDERS)('LLM engine over $label', ({ provider, model }) => {
  let server: FakeLlmServer;
  let engine: Engine;

  beforeAll(async () => {
    server = await (provider === 'anthropic' ? startFakeAnthropic : startFakeOpenAi)(scriptedModel);
    engine = createLlmEngine({
      ai: { provider, model, baseUrl: server.url, apiKey: 'test-key', timeoutMs: 10_000 },
      log,
    });
  });
  afterAll(() => server.close());

  it('runs all four agents end to end with contract-valid, cited output and token usage', async () => {
    const analysis = await engine.run('content_analysis', PRICING_PAGE);
    expect(AGENT_SCHEMAS.content_analysis.output.parse(analysis.output)).toEqual(analysis.output);
    expect(analysis.output.facts.length).toBeGreaterThanOrEqual(4);
    for (const fact of analysis.output.facts) expect(PRICING_PAGE.text).toContain(fact.quote);
    expect(analysis.output.facts.map((f) => f.category)).toEqual(
      expect.arrayContaining(['pricing', 'compliance', 'integration']),
    );
    expect(analysis).toMatchObject({ engine: 'llm', model, dropped: 0 });
    expect(analysis.usage!.inputTokens).toBeGreaterThan(0);
    expect(analysis.usage!.outputTokens).toBeGreaterThan(0);

    const profile = await engine.run('competitive_intelligence', INTELLIGENCE_INPUT);
    AGENT_SCHEMAS.competitive_intelligence.output.parse(profile.output);
    expect(profile.output.facts).toHaveLength(4);
    const pairs = new Set(INTELLIGENCE_INPUT.facts.map((f) => `${f.evidenceId}|${f.fact.quote}`));
    for (const fact of profile.output.facts) {
      for (const c of fact.citations) expect(pairs).toContain(`${c.evidenceId}|${c.quote}`);
    }
    // The two Pro prices conflict: side by side, newest first, one score.
    const prices = profile.output.facts.filter((f) => f.conflictKey === 'price');
    expect(prices.map((f) => f.value)).toEqual([
      'Pro: $39 per user per month',
      'Pro: $49 per user per month',
    ]);
    expect(profile.output.facts[0]!.conflictKey).toBe('price');
    const scores = profile.output.facts.map((f) => f.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    const card = await engine.run('battlecard_writer', writerInput(profile.output));
    AGENT_SCHEMAS.battlecard_writer.output.parse(card.output);
    expect(card.output.claims).toHaveLength(10);
    const cited = new Set(
      profile.output.facts.flatMap((f) => f.citations.map((c) => `${c.evidenceId}|${c.quote}`)),
    );
    for (const claim of card.output.claims) {
      expect(claim.citations.length).toBeGreaterThanOrEqual(1);
      for (const c of claim.citations) expect(cited).toContain(`${c.evidenceId}|${c.quote}`);
    }
    expect(card.output.claims.find((c) => c.section === 'objections')!.response).toBeTruthy();
    expect(card.output.claims.find((c) => c.section === 'pricing')!.response).toBeUndefined();

    const change = await engine.run('change_summary', CHANGE_INPUT);
    expect(change.output).toEqual({
      summary: 'Price changed from $49 to $59.',
      class: 'pricing',
      importance: 0.8,
      priceChanges: [{ label: null, from: '$49', to: '$59' }],
    });

    expect(server.requests.map(agentOf)).toEqual([
      'content_analysis',
      'competitive_intelligence',
      'battlecard_writer',
      'change_summary',
    ]);
    for (const request of server.requests) {
      expect(request.path).toBe(provider === 'anthropic' ? '/v1/messages' : '/v1/chat/completions');
      if (provider === 'anthropic') expect(request.headers['x-api-key']).toBe('test-key');
      else expect(request.headers.authorization).toBe('Bearer test-key');
      expect(request.body.temperature).toBe(0);
    }
  });

  it('writes only the sections asked for and notes the ones without evidence', async () => {
    const profile = await engine.run('competitive_intelligence', INTELLIGENCE_INPUT);
    const onlyPricing = await engine.run(
      'battlecard_writer',
      writerInput(profile.output, ['pricing', 'customers']),
    );
    expect(new Set(onlyPricing.output.claims.map((c) => c.section))).toEqual(
      new Set(['pricing', 'customers']),
    );
    const empty = await engine.run(
      'battlecard_writer',
      writerInput({ overview: '', facts: [] }, ['news']),
    );
    expect(empty.output.claims).toEqual([]);
    expect(empty.output.emptySections).toEqual([
      { section: 'news', note: expect.stringContaining('Recent news') },
    ]);
  });
});

describe('LLM engine versions', () => {
  it('names a prompt version per agent, so caches do not mix prompts', () => {
    const engine = createLlmEngine({
      ai: {
        provider: 'openai',
        model: 'gpt-4o-mini',
        baseUrl: undefined,
        apiKey: 'k',
        timeoutMs: 1000,
      },
      log,
    });
    expect(engine).toMatchObject({ name: 'llm', model: 'gpt-4o-mini' });
    expect(Object.keys(engine.versions).sort()).toEqual(Object.keys(AGENT_SCHEMAS).sort());
    for (const version of Object.values(engine.versions))
      expect(version).toMatch(/^llm-[a-z]+-\d+$/);
  });
});
