import { createHash, randomBytes } from 'node:crypto';
import type { Services } from '../services';
import { battlecard, claim, competitor, evidence } from '../db/schema';

/**
 * Rows for tests of areas that need competitors, evidence, cards or claims but do not test
 * them: written straight to the real database, as the services of those areas store them.
 * Each test makes its own (unique names), so tests share nothing.
 */
export async function insertCompetitor(
  services: Services,
  workspaceId: string,
  overrides: Partial<typeof competitor.$inferInsert> = {},
): Promise<typeof competitor.$inferSelect> {
  const name = overrides.name ?? `Rival ${randomBytes(3).toString('hex')}`;
  const [row] = await services.database.db
    .insert(competitor)
    .values({ workspaceId, name, nameKey: name.trim().toLowerCase(), ...overrides })
    .returning();
  return row!;
}

export async function insertEvidence(
  services: Services,
  input: { workspaceId: string; competitorId: string; content: string } & Partial<
    typeof evidence.$inferInsert
  >,
): Promise<typeof evidence.$inferSelect> {
  const [row] = await services.database.db
    .insert(evidence)
    .values({
      kind: 'note',
      title: 'Field note',
      contentHash: createHash('sha256').update(input.content).digest('hex'),
      wordCount: input.content.split(/\s+/).filter(Boolean).length,
      ...input,
    })
    .returning();
  return row!;
}

/** A battlecard of a competitor: a workspace-visible draft titled "Card" unless told. */
export async function insertBattlecard(
  services: Services,
  input: { workspaceId: string; competitorId: string } & Partial<typeof battlecard.$inferInsert>,
): Promise<typeof battlecard.$inferSelect> {
  const [row] = await services.database.db
    .insert(battlecard)
    .values({ title: 'Card', ...input })
    .returning();
  return row!;
}

/** A claim on a card: the first strength unless told, citing nothing unless told. */
export async function insertClaim(
  services: Services,
  input: { workspaceId: string; battlecardId: string } & Partial<typeof claim.$inferInsert>,
): Promise<typeof claim.$inferSelect> {
  const [row] = await services.database.db
    .insert(claim)
    .values({ section: 'strengths', position: 0, text: 'A claim', ...input })
    .returning();
  return row!;
}
