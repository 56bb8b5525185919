import { SECTION_KEYS, type SectionKey } from '../../common/battlecard-sections';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  type CitationRow,
  battlecard,
  battlecardVersion,
  claim,
  competitor,
  evidence,
  membership,
  user,
  workspace,
} from '../../server/db/schema';
import type { Database } from '../../server/lib/db/database';
import { hashPassword } from '../../server/modules/auth/passwords';
import { loadCardBody } from '../../server/modules/battlecards/card-read';
import {
  type GeneratedEvidence,
  type RivalProfile,
  between,
  claimText,
  evidenceText,
  pick,
  rivalNames,
  rivalProfile,
  rivalSummary,
  seededRandom,
} from './corpus';

export interface SeedSize {
  competitors: number;
  evidencePerCompetitor: number;
  cardsPerCompetitor: number;
}

/** The numbers: 1,000 competitors, 20,000 evidence rows, 2,000 battlecards. */
export const CORE_SIZE: SeedSize = {
  competitors: 1_000,
  evidencePerCompetitor: 20,
  cardsPerCompetitor: 2,
};

/** Claims per card by section: 15 in all, more where sellers need more. */
const CLAIMS_PER_SECTION: Record<SectionKey, number> = {
  overview: 1,
  strengths: 2,
  weaknesses: 2,
  how_we_win: 2,
  objections: 2,
  landmines: 1,
  pricing: 1,
  customers: 1,
  news: 1,
  talking_points: 2,
};

export interface SeededWorkspace {
  workspaceId: string;
  /** A seller (viewer): reads the published cards, as sellers do mid-call. */
  email: string;
  password: string;
  cardIds: string[];
  competitorNames: string[];
  counts: { competitors: number; evidence: number; battlecards: number; claims: number };
}

const BATCH = { competitor: 500, evidence: 250, battlecard: 500, claim: 1_000, version: 100 };

async function insertInBatches<T>(
  rows: T[],
  size: number,
  insert: (batch: T[]) => Promise<unknown>,
) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Writes one workspace of realistic size straight into a migrated database with multi-row
 * INSERTs, as the services would store it (content hashes, word counts, citations that are
 * exact substrings of the cited evidence, a published version 1 of every card). A seller
 * (viewer) with a known password reads it.
 */
export async function seedCoreWorkspace(
  database: Database,
  size: SeedSize = CORE_SIZE,
  seed = 4,
): Promise<SeededWorkspace> {
  const random = seededRandom(seed);
  const { db } = database;
  const email = `bench.seller.${randomBytes(4).toString('hex')}@example.test`;
  const password = `bench ${randomBytes(9).toString('base64url')} passphrase`;
  const [space] = await db.insert(workspace).values({ name: 'Bench Sales' }).returning();
  const workspaceId = space!.id;
  // The owner writes the cards (nobody signs in as them); the seller reads them.
  const [owner, seller] = await db
    .insert(user)
    .values([
      {
        email: `bench.owner.${randomBytes(4).toString('hex')}@example.test`,
        name: 'Bench Owner',
        passwordHash: await hashPassword(randomBytes(24).toString('base64url')),
      },
      { email, name: 'Bench Seller', passwordHash: await hashPassword(password) },
    ])
    .returning();
  const userId = owner!.id;
  await db.insert(membership).values([
    { workspaceId, userId, role: 'owner' },
    { workspaceId, userId: seller!.id, role: 'viewer' },
  ]);

  const names = rivalNames(size.competitors);
  const rivals = names.map((name) => ({ id: randomUUID(), profile: rivalProfile(random, name) }));
  await insertInBatches(rivals, BATCH.competitor, (batch) =>
    db.insert(competitor).values(
      batch.map(({ id, profile }) => ({
        id,
        workspaceId,
        name: profile.name,
        nameKey: profile.name.toLowerCase(),
        website: `https://www.${profile.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`,
        summary: rivalSummary(random, profile),
        tier: pick(random, ['primary', 'secondary', 'emerging'] as const),
        tags: [profile.category],
        createdBy: userId,
      })),
    ),
  );

  // Evidence, kept per rival so its cards can quote it.
  const evidenceOf = new Map<string, { id: string; text: GeneratedEvidence }[]>();
  let evidenceCount = 0;
  const rivalsPerBatch = Math.max(1, Math.floor(BATCH.evidence / size.evidencePerCompetitor));
  for (let i = 0; i < rivals.length; i += rivalsPerBatch) {
    const rows: (typeof evidence.$inferInsert)[] = [];
    for (const rival of rivals.slice(i, i + rivalsPerBatch)) {
      const own: { id: string; text: GeneratedEvidence }[] = [];
      for (let n = 0; n < size.evidencePerCompetitor; n++) {
        const text = evidenceText(random, rival.profile);
        const id = randomUUID();
        own.push({ id, text });
        rows.push({
          id,
          workspaceId,
          competitorId: rival.id,
          kind: text.kind,
          title: text.title,
          content: text.content,
          url: text.url,
          contentHash: createHash('sha256').update(text.content).digest('hex'),
          wordCount: text.content.split(/\s+/).length,
          capturedAt: new Date(Date.now() - between(random, 0, 365) * 86_400_000),
          createdBy: userId,
        });
      }
      evidenceOf.set(rival.id, own);
    }
    if (rows.length > 0) await db.insert(evidence).values(rows);
    evidenceCount += rows.length;
  }

  const cards: (typeof battlecard.$inferInsert & { id: string; profile: RivalProfile })[] = [];
  for (const rival of rivals) {
    const segments = ['Enterprise', 'Mid-market', 'SMB', 'Public sector'];
    for (let n = 0; n < size.cardsPerCompetitor; n++) {
      const segment = segments[n % segments.length]!;
      cards.push({
        id: randomUUID(),
        profile: rival.profile,
        workspaceId,
        competitorId: rival.id,
        segment,
        title: `${rival.profile.name} — ${segment}`,
        status: 'published',
        visibility: random() < 0.05 ? 'private' : 'workspace',
        ownerId: userId,
        version: 1,
        publishedAt: new Date(),
      });
    }
  }
  await insertInBatches(cards, BATCH.battlecard, (batch) =>
    db.insert(battlecard).values(batch.map(({ profile: _profile, ...row }) => row)),
  );

  const claims: (typeof claim.$inferInsert)[] = [];
  for (const card of cards) {
    const sources = evidenceOf.get(card.competitorId) ?? [];
    for (const section of SECTION_KEYS) {
      for (let position = 0; position < CLAIMS_PER_SECTION[section]; position++) {
        const cited = sources.length > 0 ? pick(random, sources) : undefined;
        const quote = cited ? pick(random, cited.text.sentences) : '';
        const generated = claimText(random, card.profile, section, quote);
        const citations: CitationRow[] = cited ? [{ evidenceId: cited.id, quote }] : [];
        claims.push({
          workspaceId,
          battlecardId: card.id,
          section,
          position,
          text: generated.text,
          response: generated.response,
          audience: random() < 0.7 ? 'shareable' : 'internal',
          confidence: Math.round((0.55 + random() * 0.45) * 100) / 100,
          citations,
        });
      }
    }
  }
  await insertInBatches(claims, BATCH.claim, (batch) => db.insert(claim).values(batch));

  // Version 1 of every card, snapshotted by the battlecards area's own reader, as publishing
  // does: sellers read this snapshot.
  await insertInBatches(cards, BATCH.version, async (batch) => {
    const versions: (typeof battlecardVersion.$inferInsert)[] = [];
    for (const card of batch) {
      const { body } = (await loadCardBody(db, workspaceId, card.id))!;
      versions.push({
        battlecardId: card.id,
        version: 1,
        workspaceId,
        title: body.title,
        segment: body.segment,
        sections: body.sections,
        claimCount: body.sections.reduce((n, section) => n + section.claims.length, 0),
        publishedBy: userId,
      });
    }
    await db.insert(battlecardVersion).values(versions);
  });

  return {
    workspaceId,
    email,
    password,
    cardIds: cards.filter((c) => c.visibility === 'workspace').map((c) => c.id),
    competitorNames: names,
    counts: {
      competitors: rivals.length,
      evidence: evidenceCount,
      battlecards: cards.length,
      claims: claims.length,
    },
  };
}
