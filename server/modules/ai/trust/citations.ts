import type {
  BattlecardWriterOutput,
  CompetitorProfile,
  EvidenceFact,
  WriterClaim,
} from '../contracts';

/**
 * Citation checks: nothing is stored that does not point at real evidence. A quote must be an
 * exact substring of the text it claims to come from; profile facts may only cite the
 * (evidence, quote) pairs they were given; writer claims only quotes of the profile they wrote
 * from. Whatever fails is dropped and counted.
 */

const SINGLE_QUOTES = /[‘’‚‛′`´]/;
const DOUBLE_QUOTES = /[“”„‟″«»]/;
const SPACE = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]/;

/** Text with whitespace runs collapsed and typographic quotes made plain, plus where each char came from. */
function normalise(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (SPACE.test(ch)) {
      if (!inSpace) {
        out += ' ';
        origin.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    out += SINGLE_QUOTES.test(ch) ? "'" : DOUBLE_QUOTES.test(ch) ? '"' : ch;
    origin.push(i);
  }
  return { text: out, origin };
}

/**
 * The exact span of `text` that `quote` stands for: the quote itself when it is a substring;
 * the original span when the model changed only whitespace or quotation marks (or wrapped the
 * quote in quotation marks); undefined otherwise.
 */
export function findQuoteSpan(text: string, quote: string): string | undefined {
  if (quote.trim() === '') return undefined;
  if (text.includes(quote)) return quote;
  const source = normalise(text);
  let wanted = normalise(quote).text.trim();
  for (let i = 0; i < 2 && wanted.length > 2; i++) {
    const at = source.text.indexOf(wanted);
    if (at >= 0) {
      const start = source.origin[at]!;
      const end = source.origin[at + wanted.length - 1]! + 1;
      return text.slice(start, end);
    }
    // Second try: without quotation marks the model put around the quote.
    const unwrapped = wanted.replace(/^["']+|["']+$/g, '').trim();
    if (unwrapped === wanted) break;
    wanted = unwrapped;
  }
  return undefined;
}

const pairKey = (evidenceId: string, quote: string) => `${evidenceId}\u0000${quote}`;

/** Keeps only citations whose (evidenceId, quote) pair was among the input facts. */
export function checkProfileCitations(
  profile: CompetitorProfile,
  facts: EvidenceFact[],
): { profile: CompetitorProfile; dropped: number } {
  const allowed = new Set(facts.map((f) => pairKey(f.evidenceId, f.fact.quote)));
  let dropped = 0;
  const kept = [];
  for (const fact of profile.facts) {
    const citations = fact.citations.filter((c) => allowed.has(pairKey(c.evidenceId, c.quote)));
    dropped += fact.citations.length - citations.length;
    if (citations.length === 0) {
      dropped++;
      continue;
    }
    kept.push({ ...fact, citations });
  }
  return { profile: { ...profile, facts: kept }, dropped };
}

/**
 * Keeps only writer citations that quote the profile: same evidence, and a quote equal to or
 * inside one of the profile's quotes of that evidence. Claims left without citations go.
 */
export function checkWriterCitations(
  output: BattlecardWriterOutput,
  profile: CompetitorProfile,
): { output: BattlecardWriterOutput; dropped: number } {
  const quotesByEvidence = new Map<string, string[]>();
  for (const citation of profile.facts.flatMap((f) => f.citations)) {
    const list = quotesByEvidence.get(citation.evidenceId) ?? [];
    list.push(citation.quote);
    quotesByEvidence.set(citation.evidenceId, list);
  }
  let dropped = 0;
  const claims: WriterClaim[] = [];
  for (const claim of output.claims) {
    const citations = claim.citations.filter((c) =>
      (quotesByEvidence.get(c.evidenceId) ?? []).some((q) => q.includes(c.quote)),
    );
    dropped += claim.citations.length - citations.length;
    if (citations.length === 0) {
      dropped++;
      continue;
    }
    claims.push({ ...claim, citations });
  }
  return { output: { ...output, claims }, dropped };
}
