import { diffLines, diffWords } from 'diff';
import type { ChangeClass, ChangeSummaryInput, ChangeSummaryOutput } from '../contracts';
import { NEWS_VERB_RE } from './lexicons/news';
import { findPlans, planHeading } from './lexicons/plans';
import { describePrice, findPrices } from './lexicons/prices';

export const CHANGE_SUMMARY_VERSION = 'local-cs-1';

type PriceChange = ChangeSummaryOutput['priceChanges'][number];

/** Words that change on every visit and mean nothing: dates, times, counters. */
const TRIVIAL_WORD =
  /^(?:[\d.,:/%+-]+|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|am|pm|utc|gmt|ago|today|yesterday|seconds?|minutes?|hours?|days?|weeks?|months?|years?|updated|last|st|nd|rd|th)$/i;
const LAUNCH_RE =
  /\b(?:launch(?:es|ed)?|introduc(?:es|ed|ing)|new:|now available|generally available|general availability|beta|unveil(?:s|ed)|releas(?:es|ed)|now supports?|adds? support|new feature)\b/i;
const HIRING_RE =
  /\b(?:we(?:'re| are) hiring|hiring|careers?|open (?:roles|positions)|job openings?|join (?:our|the) team|apply now|vacanc(?:y|ies))\b/i;
const PRICING_WORD_RE =
  /\b(?:pric(?:e|es|ing)|plans?|per (?:user|seat|month|year)|billed|free trial|free plan|discount|tier)\b/i;
const FEATURE_WORD_RE =
  /\b(?:lets? you|supports?|integrat\w*|feature|capabilit\w*|dashboard|workflow|AI[- ]powered|automat\w*)\b/i;

/** The plan a changed line belongs to: named in the line, or the nearest plan heading above. */
function planLabel(lines: string[], index: number): string | null {
  const own = findPlans(lines[index] ?? '')[0];
  if (own) return `${own.name} plan`;
  for (let i = index - 1; i >= Math.max(0, index - 6); i--) {
    const heading = planHeading(lines[i] ?? '');
    if (heading) return `${heading} plan`;
  }
  return null;
}

/** Prices that differ between a removed block and the added block that replaced it. */
function priceChanges(before: string, after: string): PriceChange[] {
  const changes: PriceChange[] = [];
  const afterLines = after.split('\n');
  let afterLine = 0;
  const parts = diffLines(before, after);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const lineCount = part.count ?? part.value.split('\n').length - 1;
    if (!part.removed) {
      if (part.added) afterLine += lineCount;
      else afterLine += lineCount;
      continue;
    }
    const next = parts[i + 1];
    if (!next?.added) continue;
    const old = findPrices(part.value);
    const now = findPrices(next.value);
    const newLines = next.value.split('\n');
    for (let k = 0; k < Math.min(old.length, now.length); k++) {
      if (old[k]!.amount === now[k]!.amount) continue;
      // The line of the new price inside the added block, for its plan label.
      const offset = now[k]!.start;
      let lineInBlock = 0;
      for (let c = 0, seen = 0; c < newLines.length; c++) {
        seen += newLines[c]!.length + 1;
        if (seen > offset) {
          lineInBlock = c;
          break;
        }
      }
      changes.push({
        label: planLabel(afterLines, afterLine + lineInBlock),
        from: describePrice(old[k]!).slice(0, 100),
        to: describePrice(now[k]!).slice(0, 100),
      });
      if (changes.length >= 50) return changes;
    }
  }
  return changes;
}

/** Sentences of `text` that overlap the given ranges, in order, each once. */
function touchedSentences(text: string, ranges: [number, number][]): string[] {
  const out: string[] = [];
  const re = /[^.!?\n]+[.!?]?/g;
  let r = 0;
  for (let m = re.exec(text); m && r < ranges.length; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (r < ranges.length && ranges[r]![1] <= start) r++;
    if (r < ranges.length && ranges[r]![0] < end && m[0].trim().length > 0) out.push(m[0].trim());
  }
  return out;
}

const quote = (s: string) => `“${s.length > 160 ? `${s.slice(0, 157).trimEnd()}…` : s}”`;

/**
 * change_summary: what changed between two versions of a page, in a sentence or two, with a
 * class and an importance: a price change or a launch matters; a reworded sentence matters a
 * little; a new date, a counter or whitespace does not.
 */
export function summarizeChange(input: ChangeSummaryInput): ChangeSummaryOutput {
  const { before, after } = input;
  const where = input.title ? ` on “${input.title.slice(0, 80)}”` : '';
  if (before.replace(/\s+/g, ' ').trim() === after.replace(/\s+/g, ' ').trim()) {
    return {
      summary: `No change${where}${before === after ? '' : ' beyond whitespace'}.`,
      class: 'other',
      importance: 0,
      priceChanges: [],
    };
  }
  const parts = diffWords(before, after);
  const addedRanges: [number, number][] = [];
  const removedRanges: [number, number][] = [];
  let addedWords: string[] = [];
  let removedWords: string[] = [];
  let at = 0;
  let was = 0;
  for (const part of parts) {
    const words = part.value.match(/\S+/g) ?? [];
    if (part.added) {
      addedRanges.push([at, at + part.value.length]);
      addedWords = addedWords.concat(words);
      at += part.value.length;
    } else if (part.removed) {
      removedRanges.push([was, was + part.value.length]);
      removedWords = removedWords.concat(words);
      was += part.value.length;
    } else {
      at += part.value.length;
      was += part.value.length;
    }
  }
  const changed = [...addedWords, ...removedWords];
  const prices = priceChanges(before, after);
  const added = touchedSentences(after, addedRanges);
  const removed = touchedSentences(before, removedRanges);
  const addedText = added.join(' ');
  const removedText = removed.join(' ');
  const total = Math.max(1, (after.match(/\S+/g) ?? []).length);
  const share = Math.min(1, changed.length / total);

  let cls: ChangeClass;
  let importance: number;
  let summary: string;
  const trivial = changed.every((w) =>
    TRIVIAL_WORD.test(w.replace(/^[("'“]+|[)"'”.,;:!?]+$/g, '')),
  );
  if (prices.length > 0) {
    cls = 'pricing';
    importance = Math.min(1, 0.85 + 0.03 * (prices.length - 1));
    const list = prices
      .slice(0, 4)
      .map((p) => `${p.label ? `${p.label}: ` : ''}${p.from} → ${p.to}`)
      .join('; ');
    summary = `Pricing changed${where}: ${list}${prices.length > 4 ? ` and ${prices.length - 4} more` : ''}.`;
  } else if (trivial) {
    cls = 'other';
    importance = 0.02;
    summary = `Only dates, counters or numbers changed${where}; nothing of substance.`;
  } else if (LAUNCH_RE.test(addedText)) {
    cls = 'product';
    importance = 0.75;
    summary = `New${where}: ${quote(added.find((s) => LAUNCH_RE.test(s)) ?? added[0]!)}.`;
  } else if (NEWS_VERB_RE.test(addedText)) {
    cls = 'news';
    importance = 0.65;
    summary = `News${where}: ${quote(added.find((s) => NEWS_VERB_RE.test(s)) ?? added[0]!)}.`;
  } else if (PRICING_WORD_RE.test(addedText) || PRICING_WORD_RE.test(removedText)) {
    cls = 'pricing';
    importance = 0.6;
    const s =
      added.find((x) => PRICING_WORD_RE.test(x)) ?? removed.find((x) => PRICING_WORD_RE.test(x))!;
    summary = `Pricing terms changed${where}: ${quote(s)}${added.length === 0 ? ' was removed' : ''}.`;
  } else if (HIRING_RE.test(addedText) || HIRING_RE.test(removedText)) {
    cls = 'hiring';
    importance = 0.35;
    const s = added.find((x) => HIRING_RE.test(x)) ?? removed.find((x) => HIRING_RE.test(x))!;
    summary = `Hiring${where}: ${quote(s)}.`;
  } else if (FEATURE_WORD_RE.test(addedText) && added.length > 0) {
    cls = 'product';
    importance = 0.5;
    summary = `Product description changed${where}: ${quote(added.find((s) => FEATURE_WORD_RE.test(s))!)}.`;
  } else {
    cls = 'messaging';
    importance = Math.round(Math.min(0.45, 0.08 + share * 0.6) * 100) / 100;
    const example = added[0] ?? removed[0];
    summary =
      `Wording changed${where}: ${addedWords.length} word${addedWords.length === 1 ? '' : 's'} added, ` +
      `${removedWords.length} removed${example ? `, e.g. ${quote(example)}` : ''}.`;
  }
  // “…done.”. reads badly: the quote's own full stop ends the sentence.
  summary = summary.replace(/([.!?])”\.$/, '$1”');
  return { summary: summary.slice(0, 600), class: cls, importance, priceChanges: prices };
}
