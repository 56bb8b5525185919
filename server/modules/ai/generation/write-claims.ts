import { createHash } from 'node:crypto';
import type { SectionKey } from '../../../../common/battlecard-sections';
import type { Db } from '../../../lib/db/database';
import type { AgentCallCache, CallTally } from '../agent-cache';
import { canonicalJson } from '../canonical-json';
import type { Engine } from '../contracts';
import {
  type ProfileRun,
  buildProfile,
  evidenceFingerprint,
  profileMemoKey,
  saveProfile,
} from '../profile-builder';
import { type CheckedClaim, checkCitations } from './citation-check';
import { type EvidenceMeta, type GenerationInput, loadEvidence } from './generation-input';
import type { ReportStage } from './stages';

/** The shortest time between two progress reports within the analysing stage. */
const PROGRESS_EVERY_MS = 250;

/** Bump when what is memoised, or how it is derived, changes outside the agents' versions. */
const WRITTEN_MEMO_VERSION = 1;

/** The claims a generation saves, as the profile, the writer and the citation check left them. */
export interface WrittenClaims {
  claims: CheckedClaim[];
  droppedClaims: number;
  /** The writer's notes on the sections it left empty. */
  emptySections: { section: SectionKey; note: string }[];
}

export interface WriteRun {
  db: Db;
  workspaceId: string;
  agents: AgentCallCache;
  engine: Engine;
  tally: CallTally;
  input: GenerationInput;
  /** The sections regenerated. */
  sections: SectionKey[];
  /** The sections asked for; undefined for a full generation (the writer's input differs). */
  asked: SectionKey[] | undefined;
  focusAreas: string[];
  stage: ReportStage;
}

/**
 * Evidence → profile → writer → citation check, every agent call through the agent-call
 * cache. The whole stage's result is also memoised (fast cache) under the evidence's
 * identity and hashes and everything else the writer reads: a regeneration with all of that
 * unchanged, and the saved profile already built from this evidence, takes the claims from
 * the memo without reading the evidence's content. Returns the content hash of each evidence
 * the claims were checked against (the save re-checks them).
 */
export async function writeClaims(
  run: WriteRun,
): Promise<{ written: WrittenClaims; evidenceHashes: Map<string, string> }> {
  const { input, engine, tally, agents } = run;
  const saved = input.savedProfile;
  if (
    saved?.evidenceFingerprint === evidenceFingerprint(input.evidence) &&
    saved.engine === engine.name &&
    saved.model === engine.model
  ) {
    const memo = await agents.memoGet<WrittenClaims>(writtenMemoKey(run, input.evidence));
    if (memo) {
      tally.hits += input.evidence.length + 2; // the calls it stands for
      await run.stage('analysing', 60);
      await run.stage('profiling');
      await run.stage('writing');
      await run.stage('checking');
      return { written: memo, evidenceHashes: hashesOf(input.evidence) };
    }
  }

  const docs = await loadEvidence(run.db, run.workspaceId, input.card.competitorId);
  let lastReport = 0;
  await run.stage('analysing');
  const profileRun: ProfileRun = {
    agents,
    engine,
    tally,
    // At most a few progress writes a second, however many documents are read.
    onAnalysed: (done, total) => {
      const now = performance.now();
      if (done < total && now - lastReport < PROGRESS_EVERY_MS) return Promise.resolve();
      lastReport = now;
      return run.stage('analysing', ((65 - 5) * done) / Math.max(1, total));
    },
    onProfiling: () => run.stage('profiling'),
  };
  const profile = await buildProfile(profileRun, input.competitor, docs);
  await saveProfile(
    run.db,
    run.workspaceId,
    input.card.competitorId,
    profile,
    evidenceFingerprint(docs),
    tally,
    profileRun.profileCached ? saved : undefined,
  );

  await run.stage('writing');
  const output = await agents.run(
    engine,
    'battlecard_writer',
    {
      competitor: input.competitor,
      profile,
      product: input.product,
      segment: input.card.segment.slice(0, 120),
      focusAreas: run.focusAreas,
      ...(run.asked ? { sections: run.asked } : {}),
    },
    tally,
  );

  await run.stage('checking');
  const contents = new Map(docs.map((d) => [d.id, d.content]));
  const checked = checkCitations(output.claims, contents, new Set(run.sections));
  const written: WrittenClaims = {
    claims: checked.claims,
    droppedClaims: checked.droppedClaims,
    emptySections: output.emptySections,
  };
  // Only an answer of the engine asked (no fallback) stands for that engine next time.
  if (!tally.fallbackReason && tally.engine === engine.name && tally.model === engine.model) {
    await agents.memoSet(writtenMemoKey(run, docs), written);
  }
  return { written, evidenceHashes: hashesOf(docs) };
}

/** Everything the writer and the check read, with the evidence by identity and content hash. */
function writtenMemoKey(run: WriteRun, docs: readonly EvidenceMeta[]): string {
  const { engine, input } = run;
  return createHash('sha256')
    .update(
      canonicalJson({
        memo: 'written',
        v: WRITTEN_MEMO_VERSION,
        profile: profileMemoKey(engine, input.competitor, docs),
        writer: engine.versions.battlecard_writer,
        product: input.product,
        segment: input.card.segment.slice(0, 120),
        focusAreas: run.focusAreas,
        sections: run.sections,
        asked: run.asked ?? null,
      }),
    )
    .digest('hex');
}

const hashesOf = (docs: readonly EvidenceMeta[]) => new Map(docs.map((d) => [d.id, d.contentHash]));
