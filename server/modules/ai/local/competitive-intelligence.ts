import type {
  CompetitiveIntelligenceInput,
  CompetitorProfile,
  EvidenceFact,
  FactCategory,
  ProfileCitation,
  ProfileFact,
} from '../contracts';
import { writeOverview } from './profile-overview';
import { FUZZY_CATEGORIES, conflictKey, jaccard, mergeKey, signature } from './profile-keys';

export const COMPETITIVE_INTELLIGENCE_VERSION = 'local-ci-1';

/** How much a seller cares about a kind of fact, before confidence and recency. */
const SALIENCE: Record<FactCategory, number> = {
  pricing: 1,
  weakness: 0.9,
  compliance: 0.85,
  strength: 0.85,
  company: 0.8,
  customer: 0.8,
  news: 0.75,
  integration: 0.6,
  feature: 0.6,
};
/** Facts lose half their recency weight per year behind the newest evidence. */
const HALF_LIFE_DAYS = 365;
const FUZZY_THRESHOLD = 0.6;
/** Above this many groups in one category, only exact merging (keeps it O(n) at scale). */
const FUZZY_LIMIT = 3000;
const MAX_FACTS = 2000;

interface Group {
  category: FactCategory;
  members: EvidenceFact[];
  sig: Set<string>;
}

const dateOf = (f: EvidenceFact) => f.publishedAt ?? f.capturedAt;
const newestFirst = (a: EvidenceFact, b: EvidenceFact) =>
  Date.parse(dateOf(b)) - Date.parse(dateOf(a)) || a.evidenceId.localeCompare(b.evidenceId);

function groupFacts(facts: EvidenceFact[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const f of facts) {
    const key = mergeKey(f.fact.category, f.fact.value);
    const group = byKey.get(key);
    if (group) group.members.push(f);
    else byKey.set(key, { category: f.fact.category, members: [f], sig: signature(f.fact.value) });
  }
  const groups = [...byKey.values()];
  const merged: Group[] = [];
  for (const category of new Set(groups.map((g) => g.category))) {
    const own = groups.filter((g) => g.category === category);
    if (!FUZZY_CATEGORIES.has(category) || own.length > FUZZY_LIMIT) {
      merged.push(...own);
      continue;
    }
    // Biggest groups first absorb near-duplicates ("Easy to use" ~ "Very easy to use").
    own.sort(
      (a, b) =>
        b.members.length - a.members.length || [...a.sig].join().localeCompare([...b.sig].join()),
    );
    const kept: Group[] = [];
    for (const g of own) {
      const home = kept.find((k) => jaccard(k.sig, g.sig) >= FUZZY_THRESHOLD);
      if (home) home.members.push(...g.members);
      else kept.push(g);
    }
    merged.push(...kept);
  }
  return merged;
}

function toProfileFact(group: Group, newest: number): ProfileFact {
  const members = [...group.members].sort(newestFirst);
  const seen = new Set<string>();
  const citations: ProfileCitation[] = [];
  for (const m of members) {
    const key = `${m.evidenceId}\u0000${m.fact.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (citations.length < 50)
      citations.push({ evidenceId: m.evidenceId, quote: m.fact.quote, capturedAt: m.capturedAt });
  }
  // Corroboration: each further independent document closes a third of the remaining doubt.
  const perEvidence = new Map<string, number>();
  for (const m of members)
    perEvidence.set(m.evidenceId, Math.max(perEvidence.get(m.evidenceId) ?? 0, m.fact.confidence));
  const confidences = [...perEvidence.values()].sort((a, b) => b - a);
  let confidence = confidences[0] ?? 0;
  for (const c of confidences.slice(1)) confidence += (1 - confidence) * 0.35 * c;
  confidence = Math.min(0.99, Math.round(confidence * 1000) / 1000);
  const latest = members[0]!;
  const ageDays = Math.max(0, (newest - Date.parse(dateOf(latest))) / 86_400_000);
  const recency = Math.max(0.25, 0.5 ** (ageDays / HALF_LIFE_DAYS));
  const corroboration = 1 + 0.25 * Math.log(perEvidence.size);
  const score =
    Math.round(SALIENCE[group.category] * confidence * corroboration * recency * 1e4) / 1e4;
  // The most common wording names the fact; ties go to the newest.
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.fact.value, (counts.get(m.fact.value) ?? 0) + 1);
  let value = latest.fact.value;
  for (const m of members)
    if ((counts.get(m.fact.value) ?? 0) > (counts.get(value) ?? 0)) value = m.fact.value;
  return {
    category: group.category,
    value,
    confidence,
    score,
    citations,
    conflictKey: conflictKey(group.category, value),
    latestAt: new Date(Date.parse(dateOf(latest))).toISOString(),
  };
}

/**
 * competitive_intelligence: every fact of a competitor → one profile. Equal facts merge
 * (citations newest first, confidence rising with corroboration), facts are ranked by
 * salience × confidence × recency, and contradicting facts share a conflict key, newest first.
 */
export function buildProfile(input: CompetitiveIntelligenceInput): CompetitorProfile {
  const facts = input.facts;
  if (facts.length === 0) return { overview: writeOverview(input.competitor, []), facts: [] };
  const newest = Math.max(...facts.map((f) => Date.parse(dateOf(f))));
  const profileFacts = groupFacts(facts).map((g) => toProfileFact(g, newest));

  // A conflict key stays only where the values really differ.
  const byConflict = new Map<string, ProfileFact[]>();
  for (const f of profileFacts) {
    if (f.conflictKey) byConflict.set(f.conflictKey, [...(byConflict.get(f.conflictKey) ?? []), f]);
  }
  for (const [, members] of byConflict) if (members.length < 2) members[0]!.conflictKey = null;

  const ranked = [...profileFacts].sort(
    (a, b) =>
      b.score - a.score || a.category.localeCompare(b.category) || a.value.localeCompare(b.value),
  );
  // Conflicting facts side by side, newest first, at the rank of the best of them.
  const ordered: ProfileFact[] = [];
  const placed = new Set<ProfileFact>();
  for (const f of ranked) {
    if (placed.has(f)) continue;
    const group = f.conflictKey ? byConflict.get(f.conflictKey)! : [f];
    const sorted = [...group].sort(
      (a, b) => Date.parse(b.latestAt) - Date.parse(a.latestAt) || b.score - a.score,
    );
    for (const g of sorted) {
      placed.add(g);
      ordered.push(g);
    }
  }
  const kept = ordered.slice(0, MAX_FACTS);
  return { overview: writeOverview(input.competitor, kept), facts: kept };
}
