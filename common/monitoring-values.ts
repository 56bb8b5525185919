/**
 * Monitoring values the web app may import (no zod here): kinds, classes, limits, and the
 * check of an ignore-rule regular expression, shared so the form and the API agree.
 */

export const SOURCE_KINDS = ['webpage', 'feed'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_STATUSES = ['pending', 'ok', 'failing', 'disabled'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

export const CHANGE_CLASSES = [
  'pricing',
  'product',
  'messaging',
  'hiring',
  'news',
  'other',
] as const;
export type ChangeClass = (typeof CHANGE_CLASSES)[number];

export const SOURCE_INTERVAL_MIN_MINUTES = 5;
export const SOURCE_INTERVAL_MAX_MINUTES = 7 * 24 * 60;
export const SOURCE_INTERVAL_DEFAULT_MINUTES = 6 * 60;
export const IGNORE_RULES_MAX = 20;
export const IGNORE_RULE_MAX_LENGTH = 200;
export const DEFAULT_CHANGE_ALERT_THRESHOLD = 0.4;
/** "Here a line ends" in an ignore pattern. */
export const LINE_END_LOOKAHEAD = '(?=\\n|$)';

/**
 * Why a user-supplied ignore pattern is refused, or null. Patterns run on every check of up to
 * 200 kB of text, so besides being valid they must not backtrack catastrophically: nested
 * quantifiers (`(a+)+`, `(\w*)*`), quantified alternations of overlapping branches and
 * backreferences are refused. What remains runs in time linear-ish in the text.
 */
export function regexProblem(pattern: string): string | null {
  if (pattern.length === 0) return 'is empty';
  if (pattern.length > IGNORE_RULE_MAX_LENGTH) {
    return `must be at most ${IGNORE_RULE_MAX_LENGTH} characters`;
  }
  try {
    new RegExp(pattern, 'gu');
  } catch {
    return 'is not a valid regular expression';
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'must not use backreferences';
  // The one lookahead allowed is "a line ends here", which ignore-this-line patterns end with.
  if (/\(\?<?[=!]/.test(pattern.replaceAll(LINE_END_LOOKAHEAD, ''))) {
    return 'must not use lookaround';
  }
  // Track, per open group, whether it contains a quantifier or an alternation.
  const stack: { quantified: boolean; alternation: boolean }[] = [];
  let top = { quantified: false, alternation: false };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // Skip a character class: quantifiers inside it are literal.
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      continue;
    }
    if (c === '(') {
      stack.push(top);
      top = { quantified: false, alternation: false };
    } else if (c === '|') {
      top.alternation = true;
    } else if (c === ')') {
      const inner = top;
      top = stack.pop() ?? { quantified: false, alternation: false };
      const next = pattern[i + 1];
      const quantifiedGroup = next === '*' || next === '+' || next === '{' || next === '?';
      if (quantifiedGroup && next !== '?' && (inner.quantified || inner.alternation)) {
        return 'must not repeat a group that itself repeats or alternates (catastrophic backtracking)';
      }
      if (inner.quantified || quantifiedGroup) top.quantified = true;
    } else if (c === '*' || c === '+' || c === '{') {
      top.quantified = true;
    }
  }
  return null;
}

/** Why a CSS selector is refused at a glance (the server parses it fully), or null. */
export function selectorProblem(selector: string): string | null {
  if (selector.trim().length === 0) return 'is empty';
  if (selector.length > IGNORE_RULE_MAX_LENGTH) {
    return `must be at most ${IGNORE_RULE_MAX_LENGTH} characters`;
  }
  if (/[{}<>]/.test(selector)) return 'must be a CSS selector (no braces or markup)';
  return null;
}
