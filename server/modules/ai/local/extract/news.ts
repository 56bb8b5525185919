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
    // A titled announcement ("Replyloop raises a $28M Series A") is press even undated.
    /press|news|announce|blog|\brais(?:es|ed)\b|\bacquir(?:es|ed)\b|\blaunch(?:es|ed)\b|\bfunding\b|\bseries [a-e]\b/.test(
      context.section,
    );
  // The sentence's own date says when only as a dateline or a lead ("On 3 May 2026, X
  // launched…"); a date further in is what the news is about ("from January 2027", "founded
  // in 2022"), and the evidence's date says when it was announced.
  const line = DATELINE_RE.exec(text);
  const lead =
    line &&
    line.index <= 60 &&
    !/\b(?:from|until|by|in|since|before|after)\s+$/i.test(text.slice(0, line.index))
      ? line[1]!
      : null;
  const entity = sentence.entities.find(
    (e) => e.type === 'DATE' && DATELINE_RE.test(e.value) && text.indexOf(e.value) <= 30,
  )?.value;
  const dated = context.date ? lead : (lead ?? entity ?? null);
  if (!press && !dated) return [];
  const date = dated ?? context.date;
  const body = shorten(
    (lead ? text.replace(lead, '') : text)
      // "LONDON, /PRNewswire/ --", "TOKYO and SAN FRANCISCO, —": the dateline's place and wire.
      .replace(
        /^[\s,–—-]*(?:(?:[A-Z]{2,}[A-Z.'-]*(?:[ ,]+(?:and\s+)?[A-Z][A-Za-z.'-]*)*,?\s*)?(?:\(?\/?\s*(?:PRNewswire|Business Wire|GLOBE NEWSWIRE|ACCESSWIRE)[^–—-]{0,20}?\/?\)?\s*)?(?:[–—-]+\s*)+)?/,
        '',
      )
      .replace(/^(?:On|In|As of)\s*,\s*/, ''),
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
