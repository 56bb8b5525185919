import { and, asc, eq, gt, gte, lt, lte, sql } from 'drizzle-orm';
import type { SectionKey } from '../../../common/battlecards';
import { claim } from '../../db/schema';
import type { Tx } from '../../lib/db/database';

/**
 * Claim positions are dense per section: 0..n-1, with no gaps or ties, after every write.
 * These helpers shift neighbours; callers hold the card's row lock (see lockCard), so two
 * writes never shift the same section at once.
 */

const inSection = (battlecardId: string, section: SectionKey) =>
  and(eq(claim.battlecardId, battlecardId), eq(claim.section, section));

/** How many claims the section has. */
export async function sectionSize(tx: Tx, battlecardId: string, section: SectionKey) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(claim)
    .where(inSection(battlecardId, section));
  return row?.n ?? 0;
}

/** The section's claim ids in position order. */
export async function sectionClaimIds(
  tx: Tx,
  battlecardId: string,
  section: SectionKey,
): Promise<string[]> {
  const rows = await tx
    .select({ id: claim.id })
    .from(claim)
    .where(inSection(battlecardId, section))
    .orderBy(asc(claim.position));
  return rows.map((r) => r.id);
}

/** Makes room at `at`: claims at `at` and after move down one. */
export async function openGap(tx: Tx, battlecardId: string, section: SectionKey, at: number) {
  await tx
    .update(claim)
    .set({ position: sql`${claim.position} + 1` })
    .where(and(inSection(battlecardId, section), gte(claim.position, at)));
}

/** Closes the hole left at `at`: claims after it move up one. */
export async function closeGap(tx: Tx, battlecardId: string, section: SectionKey, at: number) {
  await tx
    .update(claim)
    .set({ position: sql`${claim.position} - 1` })
    .where(and(inSection(battlecardId, section), gt(claim.position, at)));
}

/** Moves the claim at `from` to `to` within its section, shifting those in between. */
export async function moveWithin(
  tx: Tx,
  battlecardId: string,
  section: SectionKey,
  claimId: string,
  from: number,
  to: number,
) {
  if (from === to) return;
  const shift =
    to < from
      ? {
          by: sql`${claim.position} + 1`,
          range: and(gte(claim.position, to), lt(claim.position, from)),
        }
      : {
          by: sql`${claim.position} - 1`,
          range: and(gt(claim.position, from), lte(claim.position, to)),
        };
  await tx
    .update(claim)
    .set({ position: shift.by })
    .where(and(inSection(battlecardId, section), shift.range));
  await tx.update(claim).set({ position: to }).where(eq(claim.id, claimId));
}

/** Puts the section in the given order (`ids` is every claim of the section, once). */
export async function setOrder(tx: Tx, battlecardId: string, section: SectionKey, ids: string[]) {
  if (ids.length === 0) return;
  const order = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  await tx
    .update(claim)
    .set({ position: sql`array_position(array[${order}]::uuid[], ${claim.id}) - 1` })
    .where(inSection(battlecardId, section));
}
