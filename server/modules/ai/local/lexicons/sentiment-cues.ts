/**
 * Cue words for strengths and weaknesses in reviews, win/loss notes and call snippets. Each
 * cue has a weight: explicit verdicts ("lost because", "churned") weigh more than adjectives.
 */

export const POSITIVE_CUES: [RegExp, number][] = [
  [/\b(?:love[sd]?|loving|lovely|delight(?:ed|ful)?)\b/i, 0.6],
  [
    /\b(?:easy|easier|easiest|simple|intuitive|user[- ]friendly|straightforward|clean (?:ui|interface))\b/i,
    0.55,
  ],
  [/\b(?:fast|faster|quick(?:er|ly)?|snappy|speedy|responsive)\b/i, 0.5],
  [/\b(?:reliable|stable|rock[- ]solid|robust|never (?:goes|went) down)\b/i, 0.55],
  [
    /\b(?:great|excellent|amazing|fantastic|outstanding|superb|best[- ]in[- ]class|impressive|polished|powerful|strong(?:er|est)?|solid|top[- ]notch|world[- ]class|the best|game[- ]changer)\b/i,
    0.5,
  ],
  [/\b(?:helpful|supportive|attentive)\b/i, 0.5],
  [/\b(?:saves? (?:us|me|our)|saved (?:us|me|our)|time[- ]saver|worth (?:it|every))\b/i, 0.55],
  [/\b(?:flexible|customi[sz]able|scal(?:able|es well))\b/i, 0.45],
  [
    /\b(?:praised|impressed|preferred|liked|likes|appreciate[sd]?|won (?:them|us) over|edge on)\b/i,
    0.55,
  ],
];

export const NEGATIVE_CUES: [RegExp, number][] = [
  [/\b(?:churned|cancell?ed|did not renew|didn't renew|switched away|ripped (?:it )?out)\b/i, 0.8],
  [/\bno (?:support for|native|way to|ability to|option to|SSO|API|offline)\b/i, 0.75],
  [
    /\b(?:lacks?|lacking|missing|absent|doesn't (?:have|support|offer|allow|integrate)|does not (?:have|support|offer|allow|integrate)|can't|cannot|couldn't|unable to|not (?:possible|available|supported))\b/i,
    0.7,
  ],
  [/\b(?:slow(?:er|est|ly|ness|s down)?|laggy|sluggish|lag(?:s|ging)?)\b/i, 0.6],
  [
    /\b(?:expensive|pricey|overpriced|costly|too much money|price (?:hike|increase)|nickel[- ]and[- ]dim\w*|hidden (?:fees|costs))\b/i,
    0.65,
  ],
  [
    /\b(?:clunky|confusing|cluttered|dated|outdated|unintuitive|awkward|steep learning curve|hard to|difficult to|complicated|complex to)\b/i,
    0.6,
  ],
  [
    /\b(?:buggy|bugs|crash(?:es|ed|ing)?|glitch(?:y|es)?|broken|flaky|unreliable|outages?|downtime|went down|errors?)\b/i,
    0.6,
  ],
  [
    /\b(?:complain(?:ed|s|ts?)?|frustrat(?:ed|ing|ion)|annoy(?:ed|ing)|disappoint(?:ed|ing)|gripe|pain(?:ful| point)|struggl(?:e|ed|ing)|concern(?:s|ed)?|weak(?:er|ness)?|poor(?:ly)?|terrible|awful|worst|mediocre|limited|limitations?)\b/i,
    0.6,
  ],
  [
    /\b(?:support (?:is|was) (?:slow|unresponsive|poor)|took (?:days|weeks) to (?:respond|answer|reply)|unresponsive|no one (?:answered|replied))\b/i,
    0.7,
  ],
  [
    /\b(?:long (?:implementation|onboarding|setup)|took (?:months|weeks) to (?:implement|set up|roll out|deploy)|heavy (?:implementation|services))\b/i,
    0.65,
  ],
  [/\b(?:lock[- ]in|locked in|rigid|inflexible|only (?:works|available) (?:on|in|with))\b/i, 0.55],
];

/** Section labels in review pages that say which side a line is on. */
export const PROS_HEADING =
  /^\s*(?:pros?|what (?:i|we|do you) (?:like|love)[^:]*|likes?|the good|strengths?|what works|why we (?:won|chose \w+)|win reasons?|won because)\s*:?\s*$/i;
export const CONS_HEADING =
  /^\s*(?:cons?|what (?:i|we|do you) (?:dislike|don't like|do not like)[^:]*|dislikes?|the bad|weaknesses|what could be better|room for improvement|why we lost|loss reasons?|lost because|gaps?)\s*:?\s*$/i;
/** Inline labels: "Pros: fast and easy." */
export const PROS_INLINE =
  /^\s*(?:pros?|likes?|what i like(?: most)?|the good|strengths?)\s*[:–—-]\s*/i;
export const CONS_INLINE =
  /^\s*(?:cons?|dislikes?|what i dislike(?: most)?|the bad|weaknesses|downsides?)\s*[:–—-]\s*/i;

/** "but", "however", "although": the clause after it often flips the sentiment. */
export const CONTRAST_SPLIT =
  /\s*(?:[,;]\s*(?:but|however|although|though|yet|whereas|while)\b|\s(?:but|however|whereas)\s|;\s|\s[–—]\s)/i;
