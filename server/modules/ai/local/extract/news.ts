import { DATELINE_RE, NEWS_NOISE_RE, NEWS_VERB_RE } from '../lexicons/news';
import { type Extractor, shorten, sentenceSpan } from './draft';

/**
 * Announcements: launches, acquisitions, partnerships, appointments, milestones. The value
 * starts with the date the sentence gives, else the evidence's date.
 */
export const extractNews: Extractor = (sentence, context) => {
  const text = sentence.text;
  if (text.length < 25 || NEWS_NOISE_RE.test(text) || /about\s/.test(context.section)) return [];
  const verb = NEWS_VERB_RE.exec(text);
  if (!verb) return [];
  // Opinion and pricing text uses these verbs loosely ("we won the deal", "released a bug fix").
  if (
    context.opinion ||
    /\b(?:we|I|you|our team)\s+(?:won|named|hired|released|launched)\b/i.test(text)
  )
    return [];
  const press =
    context.kind === 'feed_item' ||
    context.date !== null ||
    /press|news|announce|blog/.test(context.section);
  const dated =
    DATELINE_RE.exec(text)?.[1] ??
    sentence.entities.find((e) => e.type === 'DATE' && /\d{4}/.test(e.value))?.value ??
    null;
  if (!press && !dated) return [];
  const date = dated ?? context.date;
  const body = shorten(
    text.replace(DATELINE_RE, '').replace(/^[\s,–—-]*(?:[A-Z][A-Z .,]+[–—-]+\s*)?/, ''),
    200,
  );
  return [
    {
      category: 'news',
      value: date ? `${date}: ${body}` : body,
      confidence: dated ? 0.8 : 0.65,
      ...sentenceSpan(sentence),
    },
  ];
};
