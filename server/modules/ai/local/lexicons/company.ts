/** Company facts: funding rounds, founding year, headquarters, headcount, acquisitions. */

export const FUNDING_RE =
  /\b(?:raised|raises|raising|secured|secures|closed|closes|announced|completed|lands?|landed)\s+(?:a\s+|an\s+|its\s+|their\s+)?(?:(?:total of|new|additional|oversubscribed|over|more than|nearly|approximately|about)\s+)*((?:US\$|[$€£¥]|USD\s?|EUR\s?|GBP\s?)\d+(?:[.,]\d+)?\s?(?:k|K|M|m|mn|B|bn|million|billion)?)(?:\s+(?:in\s+)?(?:(?:a|an|its|their)\s+)?((?:Series\s+[A-H](?:[-+]?\d)?|seed|pre-seed|growth|Seed|Pre-Seed|Growth)(?:\s+(?:funding\s+)?round)?(?:\s+funding)?))?/i;
export const SERIES_RE = /\b(Series\s+[A-H]\d?|seed round|pre-seed round|growth round)\b/i;
export const LED_BY_RE = /\bled by\s+([A-Z][\w&.'’-]*(?:\s(?:[A-Z][\w&.'’-]*|of|&)){0,4})/;
export const FUNDING_TOTAL_RE =
  /\b(?:total (?:funding|raised)|raised (?:a total of|over|more than)|has raised)\s+((?:US\$|[$€£])\d+(?:\.\d+)?\s?(?:M|m|B|bn|million|billion))/i;

export const FOUNDED_RE =
  /\b(?:founded|established|started|launched|incorporated|created)\s+(?:back\s+)?in\s+((?:19|20)\d{2})\b|\b(?:since|founded|est\.?)\s+((?:19|20)\d{2})\b|\bin\s+((?:19|20)\d{2}),?\s+(?:\w+\s+){0,3}(?:founded|started)\b/i;

const PLACE = String.raw`([A-Z][a-zA-Z.'’-]+(?:[\s-][A-Z][a-zA-Z.'’-]+){0,3}(?:,\s?[A-Z][a-zA-Z.'’-]+(?:\s[A-Z][a-zA-Z.'’-]+){0,2})?)`;
export const HQ_RE = new RegExp(
  String.raw`\b(?:headquartered in|headquarters (?:is |are )?in|HQ(?:'d| is| in)?:?\s(?:in\s)?|head office (?:is )?in|based (?:out of|in))\s+(?:the\s)?${PLACE}`,
);
/** Prose that says "based in" about a customer or user rather than the company. */
export const HQ_NOT_COMPANY =
  /\b(?:customers?|users?|clients?|teams?|reps?|buyers?|prospects?|we(?:'re| are)|I(?:'m| am))\s+(?:\w+\s+){0,2}based\b/i;

export const HEADCOUNT_RE =
  /\b(?:team of|staff of|workforce of|headcount of)\s+(?:over\s+|more than\s+|about\s+|nearly\s+|roughly\s+|~)?(\d[\d,]*\+?)\b|\b(?:over\s+|more than\s+|about\s+|nearly\s+|roughly\s+|~)?(\d[\d,]*\+?)\s+(?:full[- ]time\s+)?(?:employees|people|staff|team members|Xers|teammates|engineers and|professionals)\b/i;
/** "500 people use it daily": numbers of users or customers are not headcount. */
export const HEADCOUNT_NOT =
  /\b(?:use|using|users?|customers?|trust|rely|attend|signed|sign up|join(?:ed)? (?:us|our community))\b/i;

export const CUSTOMER_COUNT_RE =
  /\b(?:over\s+|more than\s+|nearly\s+)?(\d[\d,.]*\s?(?:k|K|M|million)?\+?)\s+(?:paying\s+|active\s+)?(?:customers|companies|organi[sz]ations|businesses|teams)\b\s+(?:use|rely|trust|worldwide|globally|around|across|in)\b/;

export const ACQUIRED_RE = /\b(?:acquired by|was acquired|agreed to be acquired|merged with)\b/i;
