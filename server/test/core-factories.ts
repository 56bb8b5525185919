import { createHash, randomBytes } from 'node:crypto';
import type { Services } from '../services';
import { competitor, evidence } from '../db/schema';

/**
 * Rows for tests of areas that need competitors and evidence but do not test them: written
 * straight to the real database, as the competitors and evidence services store them.
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
