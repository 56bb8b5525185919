/** Cues that introduce named customers, and patterns where a customer is the subject. */

export const CUSTOMER_LIST_CUE =
  /\b(?:customers? (?:include|including|like|such as)|clients? (?:include|including|like|such as)|(?:is |are )?trusted by|(?:is |are )?used by|(?:is |are )?relied (?:up)?on by|chosen by|loved by|powering|teams at|companies (?:like|such as|including)|brands (?:like|such as|including)|organi[sz]ations (?:like|such as|including)|customer list includes|logos? (?:include|like)|join(?:ing)?|case stud(?:y|ies)(?:\s?[:–—-]\s?| with | from | of )|customer stor(?:y|ies)(?:\s?[:–—-]\s?| with | from )|deployed at|rolled out (?:to|at))\s+(?:(?:more than|over|\d[\d,]*\+?|thousands of|hundreds of|leading|global|companies|teams|brands|customers|organi[sz]ations|like|such as|including|the likes of|at|in)\s+)*/gi;

/** "Northwind switched to X", "Globex chose X", "Initech migrated from Y to X". */
export const CUSTOMER_SUBJECT_CUE =
  /^\s*(?:(?:How|Why)\s+)?([A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3})\s+(?:switched (?:to|from)|chose|selected|picked|migrated (?:to|from)|moved to|standardi[sz]ed on|rolled out|deployed|signed with|renewed with|expanded with)\b/;
