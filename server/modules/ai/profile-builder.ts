import { createHash } from 'node:crypto';
import { competitorProfile } from '../../db/schema';
import type { DbOrTx } from '../../lib/db/database';
import type { AgentCallCache, CallTally } from './agent-cache';
import { canonicalJson } from './canonical-json';
import type {
  CompetitorProfile,
  CompetitorRef,
  ContentAnalysisInput,
  Engine,
  EvidenceFact,
} from './contracts';
import type { EvidenceDoc, EvidenceMeta, ProfileProvenance } from './generation/generation-input';

/** sha256 over the (id, content hash) of each evidence: changes when any evidence does. */
export function evidenceFingerprint(docs: readonly Pick<EvidenceDoc, 'id' | 'contentHash'>[]) {
  const lines = docs.map((d) => `${d.id}:${d.contentHash}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

export const analysisInput = (doc: EvidenceDoc): ContentAnalysisInput => ({
  text: doc.content,
  title: doc.title.slice(0, 500),
  kind: doc.kind,
  ...(doc.url ? { url: doc.url.slice(0, 2048) } : {}),
  ...(doc.publishedAt ? { publishedAt: doc.publishedAt.toISOString() } : {}),
});

export interface ProfileRun {
  agents: AgentCallCache;
  engine: Engine;
  tally: CallTally;
  /** Called after each evidence is analysed: (done, total). */
  onAnalysed?(done: number, total: number): Promise<void>;
  /** Called once all evidence is analysed, before the profile is built. */
  onProfiling?(): Promise<void>;
  /** Set by buildProfile: whether the profile came from the agent-call cache. */
  profileCached?: boolean;
}

/**
 * content_analysis on each evidence, then competitive_intelligence over all their facts.
 * A fact whose quote is not in its evidence, and a profile citation that names evidence we did
 * not give or quotes text not in it, are dropped (and counted in the tally).
 */
export async function buildProfile(
  run: ProfileRun,
  rival: CompetitorRef,
  docs: readonly EvidenceDoc[],
): Promise<CompetitorProfile> {
  // Same evidence (by content hash and the metadata the agents read), same competitor, same
  // engine and agent versions: the profile is the one built last time, without re-reading
  // each evidence's cached analysis and re-hashing every fact.
  const memoKey = profileMemoKey(run.engine, rival, docs);
  const memo = await run.agents.memoGet<CompetitorProfile>(memoKey);
  if (memo) {
    run.tally.hits += docs.length + 1; // the calls it stands for
    run.profileCached = true;
    await run.onAnalysed?.(docs.length, docs.length);
    await run.onProfiling?.();
    return memo;
  }
  const profile = await analyseAndProfile(run, rival, docs);
  const { tally, engine } = run;
  // Only an answer of the engine asked (no fallback) stands for that engine next time.
  if (!tally.fallbackReason && tally.engine === engine.name && tally.model === engine.model) {
    await run.agents.memoSet(memoKey, profile);
  }
  return profile;
}

/** Bump when the profile's shape or how it is built changes outside the agents' versions. */
const PROFILE_MEMO_VERSION = 1;

export function profileMemoKey(
  engine: Engine,
  rival: CompetitorRef,
  docs: readonly EvidenceMeta[],
): string {
  const hash = createHash('sha256').update(
    canonicalJson({
      memo: 'profile',
      v: PROFILE_MEMO_VERSION,
      engine: engine.name,
      model: engine.model,
      analysis: engine.versions.content_analysis,
      intelligence: engine.versions.competitive_intelligence,
      rival,
    }),
  );
  for (const d of docs) {
    hash.update(
      [
        '',
        d.id,
        d.contentHash,
        d.kind,
        d.title,
        d.url ?? '',
        d.capturedAt.toISOString(),
        d.publishedAt?.toISOString() ?? '',
      ].join('\u0000'),
    );
  }
  return hash.digest('hex');
}

async function analyseAndProfile(
  run: ProfileRun,
  rival: CompetitorRef,
  docs: readonly EvidenceDoc[],
): Promise<CompetitorProfile> {
  const facts: EvidenceFact[] = [];
  let done = 0;
  for (const doc of docs) {
    const { facts: found } = await run.agents.run(
      run.engine,
      'content_analysis',
      analysisInput(doc),
      run.tally,
    );
    for (const fact of found) {
      if (!doc.content.includes(fact.quote)) {
        run.tally.dropped++;
        continue;
      }
      facts.push({
        evidenceId: doc.id,
        evidenceKind: doc.kind,
        evidenceTitle: doc.title.slice(0, 500),
        capturedAt: doc.capturedAt.toISOString(),
        publishedAt: doc.publishedAt?.toISOString() ?? null,
        fact,
      });
    }
    done++;
    await run.onAnalysed?.(done, docs.length);
  }
  await run.onProfiling?.();
  const missesBefore = run.tally.misses;
  const profile = await run.agents.run(
    run.engine,
    'competitive_intelligence',
    { competitor: rival, facts },
    run.tally,
  );
  run.profileCached = run.tally.misses === missesBefore;
  const contents = new Map(docs.map((d) => [d.id, d.content]));
  const checked: CompetitorProfile['facts'] = [];
  for (const fact of profile.facts) {
    const citations = fact.citations.filter((c) => contents.get(c.evidenceId)?.includes(c.quote));
    run.tally.dropped += fact.citations.length - citations.length;
    if (citations.length > 0) checked.push({ ...fact, citations });
  }
  return { overview: profile.overview, facts: checked };
}

/**
 * Keeps the latest profile of a competitor, with the evidence it was built from. `sameAs`: the
 * profile came from the agent-call cache and this is the saved profile's provenance (read with
 * the generation's input) — then, if the saved one was built from the same evidence by the same
 * engine and model, it is that same profile and is not written again (a large JSON write that
 * dominated warm regenerations). Returns when the saved profile was written.
 */
export async function saveProfile(
  db: DbOrTx,
  workspaceId: string,
  competitorId: string,
  profile: CompetitorProfile,
  fingerprint: string,
  tally: CallTally,
  sameAs?: ProfileProvenance | null,
): Promise<Date> {
  if (
    sameAs?.evidenceFingerprint === fingerprint &&
    sameAs.engine === tally.engine &&
    sameAs.model === tally.model
  ) {
    return sameAs.updatedAt;
  }
  const values = {
    profile,
    evidenceFingerprint: fingerprint,
    engine: tally.engine,
    model: tally.model,
    updatedAt: new Date(),
  };
  await db
    .insert(competitorProfile)
    .values({ competitorId, workspaceId, ...values })
    .onConflictDoUpdate({ target: competitorProfile.competitorId, set: values });
  return values.updatedAt;
}
