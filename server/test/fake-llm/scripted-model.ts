import type { FakeReply, FakeRequest } from './fake-llm-server';

/**
 * A well-behaved model for the fake servers: it reads the quoted data blocks of Ringside's
 * prompts and answers each agent the way a careful model would — quoting the text it was
 * given (placeholders included), citing facts and quotes by their numbers. Tests use it as
 * the baseline and bend single answers to play a hostile model.
 */

const BLOCK = /<<<DATA:([\w-]+):([0-9a-f]{12})>>>\n([\s\S]*?)\n<<<END:\1:\2>>>/g;

/** The data blocks of a request's prompt, by label. */
export function dataBlocks(request: FakeRequest): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of request.user.matchAll(BLOCK)) out[m[1]!] = JSON.parse(m[3]!);
  return out;
}

export type AgentOfRequest =
  'content_analysis' | 'competitive_intelligence' | 'battlecard_writer' | 'change_summary';

export function agentOf(request: FakeRequest): AgentOfRequest {
  const blocks = dataBlocks(request);
  if ('evidence' in blocks) return 'content_analysis';
  if ('facts' in blocks) return 'competitive_intelligence';
  if ('battlecard-material' in blocks) return 'battlecard_writer';
  if ('change' in blocks) return 'change_summary';
  throw new Error('not a Ringside agent prompt');
}

const CATEGORY_RULES: [RegExp, string][] = [
  [/\$\s?\d|€\s?\d|per (user|seat)|pricing|plan\b/i, 'pricing'],
  [/SOC 2|ISO 27001|HIPAA|GDPR/i, 'compliance'],
  [/integrat|Salesforce|Slack|HubSpot/i, 'integration'],
  [/founded|headquarter|employees|raised|Series [A-F]/i, 'company'],
  [/slow|expensive|complain|lacks?|poor|worried|concern/i, 'weakness'],
  [/customers?\b/i, 'customer'],
  [/announce|launch/i, 'news'],
];

function analyse(text: string) {
  const sentences = text.match(/[^.!?\n]+[.!?]?/g) ?? [];
  return sentences
    .map((s) => s.trim())
    .filter((s) => s.length > 8)
    .map((quote) => ({
      category: CATEGORY_RULES.find(([re]) => re.test(quote))?.[1] ?? 'feature',
      value: quote.slice(0, 80),
      confidence: 0.8,
      quote,
    }));
}

type Fact = { n: number; category: string; value: string; quote: string };
type Material = {
  sections: string[];
  profile: { facts: { category: string; value: string; quotes: { n: number; quote: string }[] }[] };
};

/** The structured output the well-behaved model gives for `request`. */
export function scriptedAnswer(request: FakeRequest): unknown {
  const blocks = dataBlocks(request);
  switch (agentOf(request)) {
    case 'content_analysis':
      return { facts: analyse((blocks.evidence as { text: string }).text) };
    case 'competitive_intelligence': {
      const facts = blocks.facts as Fact[];
      return {
        overview: `Profile built from ${facts.length} facts.`,
        facts: facts.map((f) => ({
          category: f.category,
          value: f.value,
          confidence: 0.7,
          salience: f.category === 'pricing' ? 0.9 : 0.5,
          sources: [f.n],
          conflictKey: f.category === 'pricing' ? 'price' : null,
        })),
      };
    }
    case 'battlecard_writer': {
      const material = blocks['battlecard-material'] as Material;
      const quotes = material.profile.facts.flatMap((f) => f.quotes);
      const claims = material.sections.flatMap((section, i) => {
        const quote = quotes[i % Math.max(1, quotes.length)];
        if (!quote) return [];
        return [
          {
            section,
            text: `About ${section}: ${quote.quote.slice(0, 60)}`,
            response: section === 'objections' ? 'We answer this with evidence.' : null,
            audience: 'internal',
            confidence: 0.6,
            quotes: [quote.n],
          },
        ];
      });
      return { claims, emptySections: [] };
    }
    case 'change_summary': {
      const { changes } = blocks.change as { changes: string };
      const removed = /^- .*?(\$\d+)/m.exec(changes)?.[1];
      const added = /^\+ .*?(\$\d+)/m.exec(changes)?.[1];
      return {
        summary: removed && added ? `Price changed from ${removed} to ${added}.` : 'Copy changed.',
        class: removed && added ? 'pricing' : 'messaging',
        importance: removed && added ? 0.8 : 0.2,
        priceChanges: removed && added ? [{ label: null, from: removed, to: added }] : [],
      };
    }
  }
}

/** A handler answering every request like a careful model. */
export const scriptedModel = (request: FakeRequest): FakeReply => ({
  json: scriptedAnswer(request),
});
