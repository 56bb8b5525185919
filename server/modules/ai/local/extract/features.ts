import { BULLET_RE, FEATURE_CUE, FEATURE_NOISE_RE, STRONG_FEATURE_CUE } from '../lexicons/features';
import { findPrices } from '../lexicons/prices';
import { type Extractor, shorten, sentenceSpan } from './draft';

/**
 * Capability sentences from product, pricing and press pages: "lets you…", "AI-powered…",
 * and the bullet items of a plan card ("Unlimited boards", "Advanced reporting").
 */
export const extractFeatures: Extractor = (sentence, context) => {
  if (context.opinion) return [];
  const raw = sentence.text;
  const bullet =
    BULLET_RE.test(raw) || (context.plan !== null && raw.length < 80 && !/[.!?]$/.test(raw));
  const text = raw.replace(BULLET_RE, '');
  if (text.length < 8 || text.length > 400 || FEATURE_NOISE_RE.test(text)) return [];
  if (
    /\b(?:security|trust|compliance|privacy)\b/.test(context.section) &&
    !STRONG_FEATURE_CUE.test(text)
  )
    return [];
  // A line that is only a price, or a heading, is not a capability.
  if (findPrices(text).length > 0 && text.length < 40) return [];
  if (/^(?:everything in|all features of|includes everything)/i.test(text) && text.length < 40)
    return [];
  const strong = STRONG_FEATURE_CUE.test(text);
  const cue = FEATURE_CUE.test(text);
  if (
    !strong &&
    !(
      cue &&
      (bullet ||
        /\b(?:product|feature|platform|capabilit)/.test(context.section) ||
        context.plan !== null)
    ) &&
    !(bullet && context.plan !== null)
  ) {
    if (!(
      cue &&
      /\b(?:includes?|offers?|provides?|supports?)\b/i.test(text) &&
      !/\bwe\b/i.test(text)
    ))
      return [];
  }
  return [
    {
      category: 'feature',
      value: shorten(text, 160),
      confidence: strong ? 0.7 : bullet ? 0.55 : 0.5,
      ...sentenceSpan(sentence),
    },
  ];
};
