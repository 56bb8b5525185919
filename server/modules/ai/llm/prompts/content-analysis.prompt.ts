import { FACT_CATEGORIES } from '../../contracts';
import { BASE_RULES } from './shared';

/** Bump when the prompt or the model-facing schema changes: cached results are then not reused. */
export const CONTENT_ANALYSIS_PROMPT_VERSION = 'ca-1';

export const CONTENT_ANALYSIS_SYSTEM = `${BASE_RULES}

Task: extract the facts about a competitor stated in one piece of evidence.
Categories (${FACT_CATEGORIES.join(', ')}):
- pricing: plans, prices, billing terms, discounts, free tiers, minimums.
- feature: product capabilities. integration: named products it connects to.
- compliance: certifications and regulations (SOC 2, ISO 27001, HIPAA, GDPR…).
- customer: named customers and customer counts. company: founding year, HQ, headcount, funding, leadership, acquisitions.
- strength / weakness: what buyers or reviewers praise / criticise.
- news: launches, announcements, partnerships, events with a date.
For each fact give:
- value: the fact in a few words, normalised ("Pro plan: $49 per user per month", "SOC 2 Type II").
- confidence: 0..1, how clearly the text states it.
- quote: the shortest passage of the evidence text that states the fact, copied character for
  character (one sentence or less). Never paraphrase, merge or shorten a quote with "…".
Return at most 60 facts, the most useful first. No facts → an empty list.`;

export function contentAnalysisPrompt(evidenceBlock: string): string {
  return `Extract the facts from this evidence.\n\n${evidenceBlock}`;
}
