/** Capability sentences: what the product does, from product and pricing pages. */

export const FEATURE_CUE =
  /\b(?:includes?|including|offers?|provides?|supports?|lets? (?:you|teams|users|admins|reps)|allows? (?:you|teams|users|admins|reps)|enables?|helps? (?:you|teams)|you can|comes with|features?|built-in|out[- ]of[- ]the[- ]box|automatically|AI[- ](?:powered|assisted|generated|driven)|powered by|real[- ]time|unlimited|advanced|custom(?:i[sz]able)?|dashboards?|analytics|reporting|workflows?|templates?|API)\b/i;

/** Strong cues: the sentence is about a capability. */
export const STRONG_FEATURE_CUE =
  /\b(?:lets? (?:you|teams|users|admins|reps)|allows? (?:you|teams|users|admins|reps)|enables? (?:you|teams|users)|you can|comes with|built-in|AI[- ](?:powered|assisted|generated|driven)|new feature|now supports?|adds? support for)\b/i;

/** Marketing fluff with no capability in it. */
export const FEATURE_NOISE_RE =
  /\b(?:cookie|privacy policy|terms of service|all rights reserved|sign up|log in|subscribe to our newsletter|book a demo|get started|learn more|read more)\b/i;

/** List bullets: "- Unlimited projects", "• SSO", "✓ API access". */
export const BULLET_RE = /^\s*(?:[-*•·▪◦✓✔☑+]|\d{1,2}[.)])\s+/;
