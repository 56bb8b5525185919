import { and, eq, inArray, sql } from 'drizzle-orm';
import { battlecard, claim, evidence } from '../../db/schema';
import type { Tx } from '../../lib/db/database';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * After a source changed: claims citing any snapshot of it whose quote is no longer on the
 * page turn stale, with a reason an editor can act on. Quotes still present keep the claim
 * fresh. Returns the cards to drop from the cache (after commit) and how many claims turned.
 */
export async function markClaimsStale(
  tx: Tx,
  input: { workspaceId: string; sourceId: string; url: string; newText: string },
): Promise<{ cardIds: string[]; claims: number; claimIds: string[] }> {
  const cited = await tx
    .select({ id: claim.id, battlecardId: claim.battlecardId, citations: claim.citations })
    .from(claim)
    .where(
      and(
        eq(claim.workspaceId, input.workspaceId),
        eq(claim.stale, false),
        sql`exists (select 1 from jsonb_array_elements(${claim.citations}) as c(value)
          join ${evidence} on ${evidence.id}::text = c.value->>'evidenceId'
          where ${evidence.sourceId} = ${input.sourceId} and ${evidence.kind} = 'snapshot')`,
      ),
    );
  if (cited.length === 0) return { cardIds: [], claims: 0, claimIds: [] };
  const snapshotIds = new Set(
    (
      await tx
        .select({ id: evidence.id })
        .from(evidence)
        .where(and(eq(evidence.sourceId, input.sourceId), eq(evidence.kind, 'snapshot')))
    ).map((r) => r.id),
  );
  const page = collapse(input.newText);
  const stale: { id: string; battlecardId: string; quote: string }[] = [];
  for (const row of cited) {
    const gone = row.citations.find(
      (c) => snapshotIds.has(c.evidenceId) && !page.includes(collapse(c.quote)),
    );
    if (gone) stale.push({ id: row.id, battlecardId: row.battlecardId, quote: gone.quote });
  }
  for (const item of stale) {
    const quote = item.quote.length > 120 ? `${item.quote.slice(0, 117)}…` : item.quote;
    await tx
      .update(claim)
      .set({
        stale: true,
        staleReason: `${input.url} changed: "${quote}" is no longer on the page`,
        updatedAt: sql`now()`,
      })
      .where(eq(claim.id, item.id));
  }
  const cardIds = [...new Set(stale.map((s) => s.battlecardId))];
  if (cardIds.length > 0) {
    await tx
      .update(battlecard)
      .set({ contentUpdatedAt: sql`now()` })
      .where(inArray(battlecard.id, cardIds));
  }
  return { cardIds, claims: stale.length, claimIds: stale.map((s) => s.id) };
}
