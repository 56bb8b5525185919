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
import { planHeading, planLine } from './lexicons/plans';
import { CONS_HEADING, CONS_INLINE, PROS_HEADING, PROS_INLINE } from './lexicons/sentiment-cues';
import { DATELINE_RE } from './lexicons/news';
import { RECORD_LOST_RE, RECORD_NAME_RE } from './lexicons/customers';
import { type Sentence, analyseText } from './nlp';

export const CONTENT_ANALYSIS_VERSION = 'local-ca-2';
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
    // "Reviews", "user review", "loss review" — not a product called "AI Contract Review".
    /\b(?:reviews|(?:user|customer|product|peer|verified|loss|win|deal|pilot) reviews?|reviews? (?:of|from)|win[/ -]?loss|call notes?|G2|Capterra|TrustRadius|testimonials?)\b/i.test(
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
  // A dateline opens the release ("LONDON, 9 September 2026 –"); a date further in, or after
  // "from"/"until"/"in", is what the news is about ("euro cards from January 2027").
  const early = DATELINE_RE.exec(input.text.slice(0, 600));
  const dateline =
    early &&
    (early.index < 300 || input.publishedAt === undefined) &&
    !/\b(?:from|until|by|in|since|before|after|during|of)\s+$/i.test(
      input.text.slice(Math.max(0, early.index - 12), early.index),
    )
      ? early
      : null;
  const pressLike =
    /\b(?:press release|announces|announced|today announced|PRNewswire|Business Wire|GLOBE NEWSWIRE)\b/i.test(
      input.text.slice(0, 2000),
    );
  if (dateline && pressLike) return dateline[1]!;
  if (input.publishedAt && (pressLike || input.kind === 'feed_item'))
    return input.publishedAt.slice(0, 10);
  return null;
}

const WON_RE =
  /\b(?:closed[- ]won|outcome\s*:\s*won|win reason|won against|we won|won (?:the )?\w+(?: \w+)? deal|(?:^|\.\s)won\b)/i;

/**
 * Win/loss records: a line that names an account starts a record; "closed lost", "lost to"
 * or "won" anywhere in it says which way it went, until a blank line or the next record.
 */
function followRecord(
  context: LineContext,
  sentence: Sentence,
  newLine: boolean,
  afterBlank: boolean,
): void {
  if (!context.opinion) return;
  const head = newLine ? RECORD_NAME_RE.exec(sentence.text) : null;
  if (afterBlank || head || (newLine && context.record === null)) {
    context.verdict = null;
    context.record = head
      ? {
          name: head[1]!.replace(/[.,]+$/, ''),
          start: sentence.start + head.index + head[0].indexOf(head[1]!),
          emitted: false,
        }
      : null;
  }
  if (
    RECORD_LOST_RE.test(sentence.text) ||
    /\b(?:we lost|lost (?:on|to|because)|(?:^|\s)lost\s+[A-Z])/.test(sentence.text)
  )
    context.verdict = 'lost';
  else if (WON_RE.test(sentence.text)) context.verdict = 'won';
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
    planAt: 0,
    section: (input.title ?? '').toLowerCase(),
    side: null,
    question: null,
    verdict: null,
    record: null,
    date: pressDate(input),
  };
  const drafts: Draft[] = [];
  let previousEnd = 0;
  for (const sentence of sentences) {
    const gap = text.slice(previousEnd, sentence.start);
    previousEnd = sentence.end;
    const newLine = gap.includes('\n') || sentence.start === 0;
    const afterBlank = /\n[ \t\r]*\n/.test(gap);
    followRecord(context, sentence, newLine, afterBlank);
    const plan = planHeading(sentence.text);
    if (plan && newLine) {
      context.plan = plan;
      context.planAt = sentence.start;
      continue;
    }
    // "Team — USD 12 per seat per month": the card's heading and its first line in one.
    const inline = newLine ? planLine(sentence.text) : null;
    if (inline) {
      context.plan = inline.plan;
      context.planAt = sentence.start;
      if (/^(?:free|\$0|0)\b/i.test(sentence.text.slice(inline.rest)))
        drafts.push({
          category: 'pricing',
          value: `${inline.plan} plan: free`,
          confidence: 0.8,
          start: sentence.start,
          end: sentence.end,
        });
    }
    // A star rating or "Rating: 4/5" opens a new review: the last review's pros/cons side ends.
    if (
      newLine &&
      /^\s*(?:[★☆]{3,}|rating\s*:|\d(?:\.\d)?\s*(?:\/\s*5|out of 5|stars?)\b)/i.test(sentence.text)
    )
      context.side = null;
    const short = sentence.text.length <= 60;
    if (short && PROS_HEADING.test(sentence.text)) context.side = 'pro';
    else if (short && CONS_HEADING.test(sentence.text)) context.side = 'con';
    const heading = newLine ? headingOf(sentence) : null;
    if (heading !== null && !PROS_HEADING.test(heading) && !CONS_HEADING.test(heading)) {
      // Inside a plan card, lines are its items until a blank line and a new heading.
      const bullet = /^[-*•·▪◦✓✔☑+]/.test(heading);
      if (!bullet && (context.plan === null || afterBlank)) {
        context.plan = null;
        context.side = null;
        context.section = heading;
      }
    } else if (context.plan !== null && afterBlank && sentence.text.length > 120) {
      context.plan = null; // a paragraph of prose ends the card
    }
    const own: Draft[] = [];
    const asQuestion = /\?\s*$/.test(sentence.text);
    for (const extract of EXTRACTORS) {
      // Questions assert nothing; a heading is a title, not an opinion.
      if (asQuestion && extract !== extractCompliance) continue;
      if (
        heading !== null &&
        extract === extractOpinions &&
        context.side === null &&
        !PROS_INLINE.test(sentence.text) &&
        !CONS_INLINE.test(sentence.text)
      )
        continue;
      own.push(...extract(sentence, context));
    }
    context.question = asQuestion ? sentence : null;
    // A capability line is only a feature when nothing more specific was found in it (a price,
    // a customer list, an integration), except beside news ("launches X, which lets you…").
    const specific = own.some((d) => d.category !== 'feature' && d.category !== 'news');
    for (const d of own)
      if (d.category !== 'feature' || !specific || d.item === true) drafts.push(d);
  }
  // One fact per (category, value): the most confident, first quote.
  const best = new Map<string, Draft>();
  for (const d of drafts) {
    const key = factKey(d);
    const prior = best.get(key);
    if (!prior || d.confidence > prior.confidence)
      best.set(key, prior ? { ...d, start: prior.start, end: prior.end } : d);
  }
  // "SOC 2" beside "SOC 2 Type II", "Raised $45M Series B" beside "… led by Northstar": the
  // more specific value says everything the shorter one does.
  const values = [...best.values()];
  const lower = values.map((d) => `${d.category}\u0000${d.value.toLowerCase()}`);
  const kept = values.filter(
    (d, i) =>
      !lower.some(
        (other, j) =>
          j !== i && other.length > lower[i]!.length && other.startsWith(`${lower[i]} `),
      ),
  );
  const facts: Fact[] = [];
  for (const d of kept.sort((a, b) => a.start - b.start || a.category.localeCompare(b.category))) {
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
