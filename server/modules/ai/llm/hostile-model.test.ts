import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../lib/logger';
import {
  CHANGE_INPUT,
  INTELLIGENCE_INPUT,
  PRICING_PAGE,
} from '../../../test/fake-llm/agent-inputs';
import {
  type FakeLlmServer,
  scriptedAnswer,
  scriptedModel,
  startFakeOpenAi,
} from '../../../test/fake-llm';
import { AGENT_SCHEMAS } from '../contracts';
import { LlmCallError } from './errors';
import { createLlmEngine } from './llm-engine';

const log = createLogger('silent');
let server: FakeLlmServer;
beforeAll(async () => {
  server = await startFakeOpenAi(scriptedModel);
});
afterAll(() => server.close());

const engine = () =>
  createLlmEngine({
    ai: {
      provider: 'openai',
      model: 'gpt-4o-mini',
      baseUrl: server.url,
      apiKey: 'k',
      timeoutMs: 5_000,
    },
    log,
  });
const QUOTE = 'Globex Pro costs $49 per user per month, billed annually.';

describe('a hostile model is contained', () => {
  it('HTML, scripts and hidden characters in values are stripped before anything is returned', async () => {
    server.handle(() => ({
      json: {
        facts: [
          {
            category: 'pricing',
            value:
              '<script>fetch("//evil")</script><b>Pro</b>: $49\u200B per user<img src=x onerror=alert(1)>',
            confidence: 0.9,
            quote: QUOTE,
          },
        ],
      },
    }));
    const result = await engine().run('content_analysis', PRICING_PAGE);
    expect(result.output.facts).toEqual([
      { category: 'pricing', value: 'Pro: $49 per user', confidence: 0.9, quote: QUOTE },
    ]);

    server.handle((request) => ({
      json: {
        ...(scriptedAnswer(request) as object),
        overview:
          'Globex <iframe src="//evil"></iframe>sells\u202E automation.' + '\u{E0041}\u{E0042}',
      },
    }));
    const profile = await engine().run('competitive_intelligence', INTELLIGENCE_INPUT);
    expect(profile.output.overview).toBe('Globex sells automation.');
  });

  it('extra fields, wrong types and out-of-range numbers are dropped or bounded', async () => {
    server.handle(() => ({
      json: {
        debug: 'internal',
        facts: [
          {
            category: 'pricing',
            value: 'Pro $49',
            confidence: 7,
            quote: QUOTE,
            admin: true,
            html: '<b>',
          },
          { category: 'secret-sauce', value: 'x', confidence: 0.5, quote: QUOTE },
          { category: 'pricing', value: 42, confidence: 0.5, quote: QUOTE },
          'not an object',
        ],
      },
    }));
    const result = await engine().run('content_analysis', PRICING_PAGE);
    expect(result.output).toEqual({
      facts: [{ category: 'pricing', value: 'Pro $49', confidence: 1, quote: QUOTE }],
    });
    expect(result.dropped).toBe(3);

    server.handle(() => ({
      json: { summary: 'Price up.', class: 'gossip', importance: -3, priceChanges: [] },
    }));
    const change = await engine().run('change_summary', CHANGE_INPUT);
    expect(change.output).toEqual({
      summary: 'Price up.',
      class: 'other',
      importance: 0,
      priceChanges: [],
    });
  });

  it('a 1 MB answer is bounded to the contract without crashing', async () => {
    const huge = 'A'.repeat(1_048_576);
    server.handle(() => ({
      json: {
        facts: [
          { category: 'feature', value: huge, confidence: 0.5, quote: QUOTE },
          ...Array.from({ length: 3_000 }, (_, i) => ({
            category: 'pricing',
            value: `Pro variant ${i}`,
            confidence: 0.5,
            quote: QUOTE,
          })),
        ],
      },
    }));
    const result = await engine().run('content_analysis', PRICING_PAGE);
    AGENT_SCHEMAS.content_analysis.output.parse(result.output);
    expect(result.output.facts).toHaveLength(500);
    expect(result.output.facts[0]!.value.length).toBe(300);
  });

  it('an answer beyond the response cap is rejected as invalid output (after one retry)', async () => {
    const before = server.requests.length;
    server.handle(() => ({ text: JSON.stringify({ facts: [], pad: 'x'.repeat(5 * 1_048_576) }) }));
    const error = await engine()
      .run('content_analysis', PRICING_PAGE)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmCallError);
    expect((error as LlmCallError).reason).toBe('invalid output');
    expect(server.requests.length - before).toBe(2);
  });

  it('a quote the model made up or paraphrased is dropped and counted; a re-spaced one is repaired', async () => {
    server.handle(() => ({
      json: {
        facts: [
          {
            category: 'pricing',
            value: 'Pro $49',
            confidence: 0.9,
            quote: 'Globex Pro costs $49   per user per month,\nbilled annually.',
          },
          {
            category: 'pricing',
            value: 'Pro $39',
            confidence: 0.9,
            quote: 'Globex Pro costs $39 per user per month.',
          },
        ],
      },
    }));
    const result = await engine().run('content_analysis', PRICING_PAGE);
    expect(result.output.facts.map((f) => f.quote)).toEqual([QUOTE]);
    expect(result.dropped).toBe(1);
  });

  it('provider errors carry their status', async () => {
    server.handle(() => ({ status: 401, message: 'bad key' }));
    const error = await engine()
      .run('content_analysis', PRICING_PAGE)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmCallError);
    expect((error as LlmCallError).label).toBe('provider error (HTTP 401)');
  });
});
