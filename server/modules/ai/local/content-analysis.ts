import type { ContentAnalysisInput, ContentAnalysisOutput, Fact } from '../contracts';
import { extractCompany } from './extract/company';
import { extractCompliance } from './extract/compliance';
import { extractCustomers } from './extract/customers';
import { type Draft, type Extractor, type LineContext } from './extract/draft';
import { extractFeatures } from './extract/features';
import { extractIntegrations } from './extract/integrations';
import { extractNews } from './extract/news';
import { extractOpinions } from './extract/opinions';
import { extractPricing } from './extract/pricing';
import { planHeading } from './lexicons/plans';
import { CONS_HEADING, PROS_HEADING } from './lexicons/sentiment-cues';
import { DATELINE_RE } from './lexicons/news';
import { type Sentence, analyseText } from './nlp';

export const CONTENT_ANALYSIS_VERSION = 'local-ca-1';
const MAX_FACTS = 500;

const EXTRACTORS: Extractor[] = [
  extractPricing,
  extractCompliance,
  extractIntegrations,
  extractCustomers,
  extractCompany,
  extractNews,
  extractFeatures,
  extractOpinions,
];

/** Reviews, win/loss notes and call snippets speak about the competitor's strengths. */
function isOpinion(input: ContentAnalysisInput): boolean {
  if (input.kind === 'win_loss' || input.kind === 'call_snippet') return true;
  const head = `${input.title ?? ''} ${input.url ?? ''}`;
  if (
    /\b(?:reviews?|win[/ -]?loss|loss review|deal review|call notes?|G2|Capterra|TrustRadius|testimonials?)\b/i.test(
      head,
    )
  )
    return true;
  const sample = input.text.slice(0, 20_000);
  const signals = (
    sample.match(
      /\b(?:Pros|Cons)\s*:|★|\b[1-5](?:\.\d)?\s?(?:\/\s?5|out of 5|stars?)\b|\bReviewed\b|\bwe (?:won|lost)\b/gi,
    ) ?? []
  ).length;
  return signals >= 2;
}

/** A short line without closing punctuation is a heading: it sets the section for what follows. */
function headingOf(sentence: Sentence): string | null {
  const t = sentence.text.trim();
  if (t.length > 60 || /[.!?,]$/.test(t) || /\d/.test(t.replace(/\b(?:SOC|ISO)\b.*$/, '')))
    return null;
  if (t.split(/\s+/).length > 8) return null;
  return t.toLowerCase();
}

function pressDate(input: ContentAnalysisInput): string | null {
  const dateline = DATELINE_RE.exec(input.text.slice(0, 600));
  const pressLike =
    /\b(?:press release|announces|announced|today announced|PRNewswire|Business Wire|GLOBE NEWSWIRE)\b/i.test(
      input.text.slice(0, 2000),
    );
  if (dateline && pressLike) return dateline[1]!;
  if (input.publishedAt && (pressLike || input.kind === 'feed_item'))
    return input.publishedAt.slice(0, 10);
  return null;
}

const factKey = (d: Draft) =>
  `${d.category}\u0000${d.value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}$€£¥]+/gu, ' ')
    .trim()}`;

/**
 * content_analysis: one evidence text → facts, each quoting an exact substring of the text.
 * Deterministic; linear in the text (sentence by sentence, bounded patterns).
 */
export function analyzeContent(input: ContentAnalysisInput): ContentAnalysisOutput {
  const text = input.text;
  if (text.trim().length === 0) return { facts: [] };
  const { sentences } = analyseText(text);
  const context: LineContext = {
    kind: input.kind,
    opinion: isOpinion(input),
    plan: null,
    section: (input.title ?? '').toLowerCase(),
    side: null,
    date: pressDate(input),
  };
  const drafts: Draft[] = [];
  for (const sentence of sentences) {
    const plan = planHeading(sentence.text);
    if (plan) {
      context.plan = plan;
      continue;
    }
    const heading = headingOf(sentence);
    if (heading !== null) {
      if (PROS_HEADING.test(heading)) context.side = 'pro';
      else if (CONS_HEADING.test(heading)) context.side = 'con';
      else if (!/^[-*•·▪◦✓✔☑+]/.test(heading)) {
        // A new heading closes the plan card and the pros/cons list, unless it is a bullet.
        const looksLikeItem = context.plan !== null && heading.split(/\s+/).length <= 5;
        if (!looksLikeItem) {
          context.plan = null;
          context.side = null;
          context.section = heading;
        }
      }
    } else if (
      context.plan !== null &&
      /[.!?]$/.test(sentence.text) &&
      sentence.text.length > 120
    ) {
      context.plan = null; // a paragraph of prose ends the card
    }
    const own: Draft[] = [];
    for (const extract of EXTRACTORS) own.push(...extract(sentence, context));
    // A capability line is only a feature when nothing more specific was found in it (a price,
    // a customer list, an integration), except beside news ("launches X, which lets you…").
    const specific = own.some((d) => d.category !== 'feature' && d.category !== 'news');
    for (const d of own) if (d.category !== 'feature' || !specific) drafts.push(d);
  }
  // One fact per (category, value): the most confident, first quote.
  const best = new Map<string, Draft>();
  for (const d of drafts) {
    const key = factKey(d);
    const prior = best.get(key);
    if (!prior || d.confidence > prior.confidence)
      best.set(key, prior ? { ...d, start: prior.start, end: prior.end } : d);
  }
  const facts: Fact[] = [];
  for (const d of [...best.values()].sort(
    (a, b) => a.start - b.start || a.category.localeCompare(b.category),
  )) {
    const quote = text.slice(d.start, d.end);
    if (quote.trim().length === 0 || quote.length > 1000) continue;
    facts.push({
      category: d.category,
      value: d.value.slice(0, 300),
      confidence: Math.round(d.confidence * 100) / 100,
      quote,
    });
    if (facts.length >= MAX_FACTS) break;
  }
  return { facts };
}
