/** Cues that introduce named customers, and patterns where a customer is the subject. */

export const CUSTOMER_LIST_CUE =
  /\b(?:customers? (?:include|including|like|such as)|clients? (?:include|including|like|such as)|(?:is |are )?trusted by|(?:is |are )?used by|(?:is |are )?relied (?:up)?on by|chosen by|loved by|powering|teams at|(?:customers|clients|companies|businesses|brands|organi[sz]ations|enterprises|merchants|retailers|institutions|teams|banks|insurers|hospitals|universities|schools|agencies|manufacturers)\s?,?\s(?:like|such as|including)|customer list includes|logos? (?:include|like)|join(?:ing)?(?=\s+(?:over\s|more than\s|\d|thousands|hundreds|the likes))|case stud(?:y|ies)(?:\s?[:–—-]\s?| with | from | of )|customer stor(?:y|ies)(?:\s?[:–—-]\s?| with | from )|deployed at|rolled out (?:to|at))\s+(?:(?:more than|over|\d[\d,]*\+?|thousands of|hundreds of|leading|global|companies|teams|brands|customers|organi[sz]ations|like|such as|including|the likes of|at|in|the)\s+)*/gi;

/** "Northwind switched to X", "Globex chose X", "Initech migrated from Y to X". */
export const CUSTOMER_SUBJECT_CUE =
  /^\s*(?:(?:How|Why)\s+)?([A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3})\s+(?:switched (?:to|from)|chose|selected|picked|migrated (?:to|from)|moved to|standardi[sz]ed on|rolled out|deployed|signed with|renewed with|expanded with)\b/;

/**
 * Win/loss records: "Deal: Harbor Freight (140 seats). Outcome: lost to X", "Opportunity:
 * Ashdown | Stage: Closed Lost", "Lost Hanseatic Freight to X". A deal the competitor won
 * makes the buyer its customer.
 */
export const RECORD_NAME_RE =
  /^\s*(?:deal|opportunity|opp|account|customer|prospect|company|client)\s*(?:name)?\s*[:|–—-]\s*([A-Z0-9][\w&.'’-]*(?:\s(?:[A-Z0-9&][\w&.'’-]*|of|and|the)){0,4})/i;
export const RECORD_LOST_RE =
  /\b(?:closed[- ]lost|outcome\s*:\s*lost|lost to|loss reason|result\s*:\s*lost|status\s*:\s*lost)\b/i;
export const LOST_DEAL_RE =
  /\b[Ll]ost\s+(?:the\s+)?([A-Z][\w&.'’-]*(?:\s[A-Z&][\w&.'’-]*){0,3})(?:\s+(?:deal|account|opportunity))?(?:\s+to\b|\s*[.;]|\s*$)/;
/** "X won Acme Corp", "X chose Y" where the subject is a named company, not "we". */
export const COMPETITOR_WON_RE =
  /\b([A-Z][\w&.'’-]*)\s+(?:won|closed|signed)\s+([A-Z][\w&.'’-]*(?:\s[A-Z&][\w&.'’-]*){0,3})/;

// "Chilean", "Japanese": a nationality before "retailer X" is not a company.
const DEMONYM =
  /^(?:[A-Z][a-z]+(?:ian|ean|ese|ish)|Dutch|French|Swiss|Greek|Thai|Czech|Welsh|Scots|Kiwi|Aussie)$/;
// Places a vendor is "used across" are markets, not customers.
const REGION =
  /^(?:Europe|Asia|Africa|America|North America|South America|Latin America|EMEA|APAC|LATAM|DACH|Benelux|Nordics|Scandinavia|the (?:US|UK|EU)|US|UK|EU|Middle East|Oceania|the world|Worldwide)$/;
const CONNECTOR = /^(?:of|and|the|de|du|der|&|for)$/;

/**
 * A candidate customer name made safe to list, or null: trailing punctuation dropped, cut at
 * the first lower-case word ("Ledgerly's pricing came in lower" is a sentence, not a name),
 * and never a possessive that is followed by what it owns ("Ledgerly's reporting": that is
 * the competitor), a head count ("140 agents") or a nationality.
 */
export function customerName(candidate: string, after = ''): string | null {
  const kept: string[] = [];
  for (const word of candidate.trim().split(/\s+/)) {
    if (!/^[A-Z0-9&]/.test(word) && !(kept.length > 0 && CONNECTOR.test(word))) break;
    kept.push(word);
  }
  while (kept.length > 0 && CONNECTOR.test(kept[kept.length - 1]!)) kept.pop();
  const name = kept.join(' ').replace(/[.,;:!?)\]]+$/, '');
  if (name.length < 2 || /^[\d.,]+$/.test(kept[0] ?? '')) return null;
  if ((kept.length === 1 && DEMONYM.test(name)) || REGION.test(name)) return null;
  const truncated = kept.length < candidate.trim().split(/\s+/).length;
  if (/['’]s$/.test(name) && (truncated || /^\s*[a-z]/.test(after))) return null;
  if (kept.slice(0, -1).some((word) => /['’]s$/.test(word))) return null;
  return name;
}
