import { createHash } from 'node:crypto';

/**
 * What is compared between two checks: the page text without what changes on every visit —
 * dates, times, "3 minutes ago", live counters ("1,234 users online"), tracking parameters in
 * links — and without what the user told us to ignore. Prices and other numbers stay: they are
 * what we watch for.
 */

const MONTHS =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAYS = '(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?';

const VOLATILE: [RegExp, string][] = [
  // 2026-11-27, 2026-11-27T12:00:00Z
  [
    /\b\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?\b/gi,
    '‹date›',
  ],
  // 11/27/2026, 27.11.2026, 27/11/26
  [/\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g, '‹date›'],
  // Friday, November 27, 2026 · Nov 27th 2026 · 27 Nov 2026
  [
    new RegExp(
      `\\b(?:${WEEKDAYS},?\\s+)?${MONTHS}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?\\b`,
      'gi',
    ),
    '‹date›',
  ],
  [
    new RegExp(
      `\\b(?:${WEEKDAYS},?\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTHS}\\.?,?(?:\\s+\\d{4})?\\b`,
      'gi',
    ),
    '‹date›',
  ],
  // 12:34, 12:34:56, 9:05 pm, 09:00 UTC
  [/\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?:\s?(?:utc|gmt|[a-z]{2,4}t))?\b/gi, '‹time›'],
  // 3 minutes ago, an hour ago, yesterday
  [/\b(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b/gi, '‹ago›'],
  [/\b(?:just now|yesterday|today)\b/gi, '‹ago›'],
  // 1,234 users online · 56 people viewing · 12k views · 1.2M downloads
  [
    /\b\d[\d,.\s]*[kmb]?\+?\s+(?:users?|people|visitors?|viewers?|members?|customers?|shoppers?)\s+(?:are\s+)?(?:online|now|viewing|watching|active|here|browsing|right now)\b/gi,
    '‹counter›',
  ],
  [
    /\b\d[\d,.]*[kmb]?\+?\s+(?:views?|downloads?|stars?|followers?|likes?|comments?|shares?|reads?|visits?)\b/gi,
    '‹counter›',
  ],
  // © 2026
  [/(?:©|\(c\)|copyright)\s*\d{4}(?:\s*[-–]\s*\d{4})?/gi, '‹copyright›'],
];

const TRACKING_PARAM =
  /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|ref|ref_src|igshid|yclid|_ga|_gl)$/i;

/** Drops tracking parameters from every URL in the text. */
export function stripTrackingParams(text: string): string {
  return text.replace(/https?:\/\/[^\s"'<>)]+/g, (raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return raw;
    }
    for (const key of [...url.searchParams.keys()]) {
      if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
    }
    return url.toString().replace(/\?$/, '');
  });
}

/** Text with the user's ignore patterns removed (case-insensitive, every match). */
export function applyIgnorePatterns(text: string, patterns: readonly string[]): string {
  let out = text;
  for (const pattern of patterns) out = out.replace(new RegExp(pattern, 'giu'), '');
  return out;
}

/** The comparison form of a page's text. */
export function normaliseForComparison(text: string): string {
  let out = stripTrackingParams(text);
  for (const [pattern, mask] of VOLATILE) out = out.replace(pattern, mask);
  return out
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
