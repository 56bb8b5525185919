import { COMPLIANCE_TERMS } from '../lexicons/compliance';
import {
  BULLET_RE,
  FEATURE_CUE,
  FEATURE_NOISE_RE,
  LIST_CUE,
  LIST_END,
  STRONG_FEATURE_CUE,
} from '../lexicons/features';
import { findKnownProducts } from '../lexicons/integrations';
import { findPrices } from '../lexicons/prices';
import type { Sentence } from '../nlp';
import { type Draft, type Extractor, type LineContext, shorten, sentenceSpan } from './draft';

const FEATURE_SECTION_RE =
  /\b(?:includ\w*|adds?|features?|what you get|capabilit\w*|highlights|every (?:paid )?plan|all plans)\b/;
const CHANGELOG_ENTRY_RE = /^\s*(?:New|Added|Launched|Introducing|Now available|Beta)\s*[:–—]\s*/;
const LAUNCH_WITH_PURPOSE_RE =
  /\b(?:announc\w*|launch\w*|introduc\w*|unveil\w*|releas\w*)\s+(?:the\s+|its\s+|a\s+|an\s+)?(?:new\s+)?[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,3},\s+(?:which|that|an?\s)/;

/** Items of "gives you A, B, and C" that are capabilities (not integrations, prices, controls). */
function listItems(sentence: Sentence): Draft[] {
  const text = sentence.text;
  const cue = LIST_CUE.exec(text);
  if (!cue) return [];
  const rest = text.slice(cue.index + cue[0].length).replace(/[.!]\s*$/, '');
  let parts = rest.split(/\s*[,;]\s*/);
  const end = parts.findIndex((p, i) => i > 0 && LIST_END.test(p));
  if (end > 0) parts = parts.slice(0, end);
  // The last item of "A, B and C" holds two.
  const last = parts.pop()!;
  parts.push(...last.split(/\s+and\s+/));
  if (parts.length < 2) return [];
  const drafts: Draft[] = [];
  for (const part of parts) {
    const item = part
      .replace(/^(?:and|or|plus)\s+/i, '')
      .replace(/^(?:a|an|the)\s+/i, '')
      .trim();
    if (item.length < 3 || item.length > 100) continue;
    // One lower-case word ("above"), a proper name ("Globex Corp"), a fee or a discount is no capability.
    if (!/\s/.test(item) && !/^[A-Z0-9-]{2,}$/.test(item)) continue;
    if (
      /^[A-Z][\w&.'’-]*(?:\s(?:[A-Z&][\w&.'’-]*|and|of))*$/.test(item) &&
      !/^[A-Z0-9-]{2,}$/.test(item)
    )
      continue;
    if (/%|\bfree\b|\bdiscount|\bfees?\b|\bprice/i.test(item)) continue;
    if (findKnownProducts(item, true).length > 0 || findPrices(item).length > 0) continue;
    if (COMPLIANCE_TERMS.some((t) => t.pattern.test(item))) continue;
    drafts.push({
      category: 'feature',
      value: shorten(item, 120),
      confidence: 0.6,
      item: true,
      ...sentenceSpan(sentence),
    });
  }
  return drafts;
}

function isCapability(text: string, bullet: boolean, context: LineContext): boolean {
  if (STRONG_FEATURE_CUE.test(text)) return true;
  if (bullet && context.plan !== null) return true;
  // A bullet under "What's included", "Business adds", "Key features": a capability.
  if (bullet && FEATURE_SECTION_RE.test(context.section)) return true;
  // A launch that says what the thing does: "announced X Runbooks, which attach remediation…".
  if (LAUNCH_WITH_PURPOSE_RE.test(text)) return true;
  const cue = FEATURE_CUE.test(text);
  if (
    cue &&
    (bullet ||
      context.plan !== null ||
      /\b(?:product|feature|platform|capabilit)/.test(context.section))
  )
    return true;
  // "The editor supports…", "X offers…": a capability verb with a third-person subject.
  return /\b(?:includes|offers|provides|supports)\s/.test(text) && !/\b(?:we|our|I)\b/i.test(text);
}

/**
 * Capability sentences from product, pricing and press pages: "lets you…", "AI-powered…",
 * the bullet items of a plan card ("Unlimited boards") and the items of "includes A, B and C".
 */
export const extractFeatures: Extractor = (sentence, context) => {
  if (context.opinion) return [];
  const raw = sentence.text;
  // Changelog entries: "New: Synthetic browser checks (beta)", "Added: dark mode".
  const entry = CHANGELOG_ENTRY_RE.exec(raw);
  if (entry && raw.length - entry[0].length >= 6 && raw.length < 160) {
    const span = sentenceSpan(sentence);
    return [
      {
        category: 'feature',
        value: shorten(raw.slice(entry[0].length), 160),
        confidence: 0.6,
        start: span.start + entry[0].length,
        end: span.end,
      },
    ];
  }
  const bullet =
    BULLET_RE.test(raw) || (context.plan !== null && raw.length < 80 && !/[.!?]$/.test(raw));
  const text = raw.replace(BULLET_RE, '');
  if (text.length < 8 || text.length > 400 || FEATURE_NOISE_RE.test(text)) return [];
  const securityPage = /\b(?:security|trust|compliance|privacy)\b/.test(context.section);
  if (securityPage && !STRONG_FEATURE_CUE.test(text)) return [];
  // A line that is only a price, a heading or "Everything in Pro, plus:" is not a capability.
  if (findPrices(text).length > 0 && text.length < 40) return [];
  if (/^(?:everything in|all features of|includes everything)/i.test(text) && text.length < 60)
    return [];
  if (/\b(?:appoint|hire[sd]?|named|joins|founded|headquartered|raised)\b/i.test(text)) return [];
  const items = securityPage ? [] : listItems(sentence);
  if (items.length > 0) return items;
  if (!isCapability(text, bullet, context)) return [];
  const strong = STRONG_FEATURE_CUE.test(text);
  return [
    {
      category: 'feature',
      value: shorten(text, 160),
      confidence: strong ? 0.65 : bullet ? 0.55 : 0.5,
      ...sentenceSpan(sentence),
    },
  ];
};
