/* eslint-disable @typescript-eslint/unbound-method -- wink's its.* helpers are free functions
   that its API takes by reference. */
import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The one wink-nlp instance of the local engine, loaded on first use (the model takes ~100 ms
 * to load and a few MB, so processes that never analyse text never pay for it).
 *
 * Everything returned here carries character offsets into the ORIGINAL text, so a quote is
 * always `text.slice(start, end)` and never text rebuilt from tokens.
 */

let instance: WinkMethods | undefined;

export function nlp(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}

export interface Token {
  value: string;
  pos: string;
  start: number;
  end: number;
}

export interface Entity {
  type: string;
  value: string;
  start: number;
  end: number;
}

export interface Sentence {
  /** Offsets into the original text; `text === original.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** wink's sentiment score, -1..1. */
  sentiment: number;
  entities: Entity[];
}

export interface AnalysedText {
  sentences: Sentence[];
  entities: Entity[];
}

/** A soft-wrapped line (no closing punctuation, next line starts in lower case) is one sentence. */
function isSoftWrap(text: string, newlineAt: number, nextStart: number): boolean {
  let before = newlineAt - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t' || text[before] === '\r'))
    before--;
  if (before < 0 || /[.!?:;)\]]/.test(text[before]!)) return false;
  const gap = text.slice(newlineAt, nextStart);
  if ((gap.match(/\n/g) ?? []).length > 1) return false;
  return /[a-z]/.test(text[nextStart] ?? '');
}

/**
 * Splits `text` into sentences with exact offsets, tokens, POS tags, sentiment and entities.
 * wink's sentence boundaries are refined at line breaks: extracted web pages, pricing tables
 * and notes put one item per line without closing punctuation.
 */
export function analyseText(text: string): AnalysedText {
  const engine = nlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const values = doc.tokens().out();
  const tags = doc.tokens().out(its.pos);
  const tokens: Token[] = [];
  // Locate every token in the original text, in order; a token wink normalised is dropped.
  let cursor = 0;
  const indexOfToken: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    // Line breaks are tokens in wink: they only matter as sentence cuts, found from offsets.
    if (value.trim() === '') {
      indexOfToken.push(-1);
      continue;
    }
    const at = text.indexOf(value, cursor);
    // A token far ahead of the cursor means wink changed it: skip rather than jump.
    if (at < 0 || at - cursor > 64) {
      indexOfToken.push(-1);
      continue;
    }
    indexOfToken.push(tokens.length);
    tokens.push({ value, pos: tags[i] ?? 'X', start: at, end: at + value.length });
    cursor = at + value.length;
  }

  const entities: Entity[] = [];
  const entitySpans = doc.entities().out(its.span) as unknown as [number, number][];
  const entityTypes = doc.entities().out(its.type);
  entitySpans.forEach(([first, last], i) => {
    const a = tokens[indexOfToken[first] ?? -1];
    const b = tokens[indexOfToken[last] ?? -1];
    if (!a || !b || b.end <= a.start) return;
    entities.push({
      type: entityTypes[i] ?? 'UNKNOWN',
      value: text.slice(a.start, b.end),
      start: a.start,
      end: b.end,
    });
  });

  const sentences: Sentence[] = [];
  const sentenceSpans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentiments = doc.sentences().out(its.sentiment) as unknown as number[];
  let entityCursor = 0;
  sentenceSpans.forEach(([first, last], index) => {
    const own: Token[] = [];
    for (let i = first; i <= last; i++) {
      const t = tokens[indexOfToken[i] ?? -1];
      if (t) own.push(t);
    }
    // Cut at line breaks that are not soft wraps.
    let piece: Token[] = [];
    const flush = () => {
      if (piece.length === 0) return;
      const start = piece[0]!.start;
      const end = piece[piece.length - 1]!.end;
      while (entityCursor < entities.length && entities[entityCursor]!.end <= start) entityCursor++;
      const inside: Entity[] = [];
      for (let e = entityCursor; e < entities.length && entities[e]!.start < end; e++) {
        if (entities[e]!.end <= end) inside.push(entities[e]!);
      }
      sentences.push({
        start,
        end,
        text: text.slice(start, end),
        tokens: piece,
        sentiment: sentiments[index] ?? 0,
        entities: inside,
      });
      piece = [];
    };
    for (const t of own) {
      const previous = piece[piece.length - 1];
      if (previous) {
        const gapAt = text.indexOf('\n', previous.end);
        if (gapAt >= 0 && gapAt < t.start && !isSoftWrap(text, gapAt, t.start)) flush();
      }
      piece.push(t);
    }
    flush();
  });
  return { sentences, entities };
}

/** Plain wink sentence splitting, the yardstick the extraction bench compares with. */
export function splitSentencesOnly(text: string): number {
  return nlp().readDoc(text).sentences().length();
}
