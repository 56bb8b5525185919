/** News: something a company did, said with a dated announcement verb. */

export const NEWS_VERB_RE =
  /\b(?:announc(?:es|ed|ing)|launch(?:es|ed|ing)|introduc(?:es|ed|ing)|unveil(?:s|ed|ing)|releas(?:es|ed)|debut(?:s|ed)|acquir(?:es|ed)|(?:has |have )?partner(?:s|ed|ing)? with|appoint(?:s|ed)|hir(?:es|ed)|names|named|welcomes|expand(?:s|ed) (?:into|to)|opens?(?:ed)? (?:a |an |its |their )?new|rolls? out|rolled out|(?:is |are )?now (?:generally )?available|general availability|goes? GA|went GA|reach(?:es|ed)|surpass(?:es|ed)|wins?|won|recogni[sz]ed as|selected as|complet(?:es|ed) (?:the )?acquisition)\b/i;

/** Press-release boilerplate that carries no news ("About Acme", "Media contact"). */
export const NEWS_NOISE_RE =
  /^\s*(?:about\s|media contact|press contact|for more information|forward[- ]looking|###|contact:|email:|phone:)/i;

export const DATELINE_RE =
  /\b((?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2},?\s+(?:19|20)\d{2}|\d{1,2}\s+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}|(?:Q[1-4]|H[12])\s+(?:19|20)\d{2}|(?:Jan(?:uary)?|Feb(?:ruary)?|March|April|June|July|Aug(?:ust)?|Sept(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\s+(?:19|20)\d{2})\b/;
