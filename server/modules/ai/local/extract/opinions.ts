import { CONS_INLINE, NEGATIVE_CUES, POSITIVE_CUES, PROS_INLINE } from '../lexicons/sentiment-cues';
import { type Draft, type Extractor, clauseSpan, labelPrefix, shorten } from './draft';

const WON =
  /\b(?:we won|won (?:the deal|it|them|back)|they chose us|chose us|picked us|went with us|beat (?:them|\w+) (?:on|because))\b/i;
const LOST = /\b(?:we lost|lost (?:the deal|it|to)|they chose|went with|picked|chose)\b/i;

const REVIEW_META_RE =
  /^\s*(?:reviewed by|review(?:er)? (?:source|details)|verified (?:user|reviewer)|(?:industry|company size|role|used for)\s*:)|\b\d[\d,]*\s*[-–]\s*\d[\d,]*\+?\s+employees\s*\)?\s*$/i;
const NOTHING_RE =
  /^\W*(?:nothing(?: (?:major|really|much|significant|so far))?|none(?: so far)?|n\/?a|no complaints?(?: so far)?|not much)\b[.!]?\s*(?:$|[A-Z])/i;

function cueScore(clause: string): { positive: number; negative: number } {
  let positive = 0;
  let negative = 0;
  for (const [re, w] of POSITIVE_CUES) if (re.test(clause)) positive = Math.max(positive, w);
  for (const [re, w] of NEGATIVE_CUES) if (re.test(clause)) negative = Math.max(negative, w);
  // "not easy", "isn't fast": a negated praise is a complaint.
  if (
    positive > 0 &&
    /\b(?:not|n't|never|hardly|less)\s+(?:very\s+|that\s+|as\s+)?(?:easy|fast|intuitive|reliable|great|simple|helpful|responsive|stable|flexible)\b/i.test(
      clause,
    )
  ) {
    negative = Math.max(negative, positive);
    positive = 0;
  }
  return { positive, negative };
}

/**
 * Strengths and weaknesses of the competitor, from opinion text only (reviews, win/loss notes,
 * call snippets). Each clause is scored by cue words and wink's sentiment; in win/loss notes
 * "we won because…" points at their weakness and "we lost because…" at their strength.
 */
export const extractOpinions: Extractor = (sentence, context) => {
  if (!context.opinion) return [];
  const text = sentence.text;
  if (text.length < 12) return [];
  // Review-site furniture: who wrote it ("Reviewed by a CTO, Internet, 11-50 employees") and
  // "nothing major" under "What do you dislike?" say nothing about the product.
  if (REVIEW_META_RE.test(text) || NOTHING_RE.test(text)) return [];
  const drafts: Draft[] = [];
  let side = context.side;
  let offset = 0;
  const pros = PROS_INLINE.exec(text);
  const cons = CONS_INLINE.exec(text);
  if (pros) {
    side = 'pro';
    offset = pros[0].length;
  } else if (cons) {
    side = 'con';
    offset = cons[0].length;
  }
  const verdict =
    context.verdict ??
    (WON.test(text)
      ? 'won'
      : LOST.test(text) && /\bbecause|due to|on (?:price|pricing)|over\b/i.test(text)
        ? 'lost'
        : null);
  // Each clause separately: "Fast and easy, but reporting is weak" is one of each.
  const splitter =
    /\s*(?:[,;]\s*(?:but|however|although|though|yet|whereas|while)\b|\s(?:but|however|whereas)\s|;\s|\.\s|,\s(?=(?:we|our|I)\s))/gi;
  const cuts: number[] = [offset];
  for (let m = splitter.exec(text); m; m = splitter.exec(text))
    if (m.index > offset) cuts.push(m.index, m.index + m[0].length);
  cuts.push(text.length);
  let previous = 0;
  for (let i = 0; i + 1 < cuts.length; i += 2) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    const clause = text.slice(from, to);
    if (clause.trim().length < 8) continue;
    // In our own win/loss notes, a clause about our side ("we could not match that", "our
    // integration needed services") is not a fact about the competitor, unless it gives a reason.
    if (
      context.kind === 'win_loss' &&
      /^\W*(?:(?:and|also|but|so)\s+)?(?:we|our|us)\b/i.test(
        clause.replace(/^\s*[\w ]{0,20}:\s*/, ''),
      ) &&
      !/\b(?:because|due to|they|their|them)\b/i.test(clause)
    )
      continue;
    const { positive, negative } = cueScore(clause);
    let polarity = positive - negative + 0.3 * sentence.sentiment;
    let weight = Math.max(positive, negative);
    if (side && weight === 0 && clause.trim().split(/\s+/).length >= 2) {
      polarity = side === 'pro' ? 0.5 : -0.5;
      weight = 0.5;
    } else if (side === 'pro' && polarity < 0 && negative < 0.7) polarity = 0.3;
    else if (side === 'con' && polarity > 0) polarity = -0.3;
    // Win/loss records: a reason given without cue words points at their weakness when we won
    // and at their strength when we lost. Record headers ("Stage: Closed Won") are no reason.
    const substantive =
      !/\b(?:switched (?:to|from)|moved (?:to|off)|chose|went with|picked)\b(?![^.]*\bbecause\b)/i.test(
        clause,
      ) &&
      clause.trim().split(/\s+/).length >= 5 &&
      !/\b(?:stage|outcome|competitor|opportunity|deal)\s*:/i.test(clause);
    if (verdict && weight === 0 && substantive) {
      polarity = verdict === 'won' ? -0.5 : 0.5;
      weight = 0.45;
    }
    // "Fast and painless, but the sync kept failing": after "but", an uncued clause turns
    // against the one before it.
    if (
      weight === 0 &&
      previous !== 0 &&
      i > 0 &&
      /\b(?:but|however|although|though|yet|whereas)\b/i.test(text.slice(cuts[i - 1], from)) &&
      clause.trim().split(/\s+/).length >= 3
    ) {
      polarity = -previous * 0.5;
      weight = 0.45;
    }
    previous = weight === 0 ? 0 : Math.sign(polarity);
    if (weight === 0 || Math.abs(polarity) < 0.1) continue;
    const span = clauseSpan(sentence, from, to);
    // "Notes: X came in cheaper": the label is not what was said (value and quote start after it).
    const label = labelPrefix(text.slice(span.start - sentence.start, span.end - sentence.start));
    if (span.end - span.start - label >= 8) span.start += label;
    const quoted = text.slice(span.start - sentence.start, span.end - sentence.start);
    drafts.push({
      category: polarity > 0 ? 'strength' : 'weakness',
      value: shorten(quoted.replace(PROS_INLINE, '').replace(CONS_INLINE, ''), 160),
      confidence: Math.min(0.85, 0.4 + weight * 0.5),
      ...span,
    });
  }
  return drafts;
};
