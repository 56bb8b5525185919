import { type SQL, inArray, sql } from 'drizzle-orm';
import { battlecard, claim, evidence } from '../../db/schema';
import type { Tx } from '../../lib/db/database';

/**
 * What happens to claims when evidence they cite goes away: the citation is removed (it would
 * point at nothing) and the claim is marked stale with a reason, so an editor re-checks it.
 * Run inside the deleting transaction; returns the cards whose cache must be dropped after
 * commit.
 */
async function detach(
  tx: Tx,
  options: {
    workspaceId: string;
    /** True for a citation (a jsonb element `c`) that must go. */
    removes: SQL;
    /** Which claims to touch (their `citations` cite something that goes). */
    claims: SQL;
    reason: string;
  },
): Promise<string[]> {
  const touched = await tx
    .update(claim)
    .set({
      citations: sql`coalesce((
        select jsonb_agg(c.value order by c.position)
        from jsonb_array_elements(${claim.citations}) with ordinality as c(value, position)
        where not (${options.removes})
      ), '[]'::jsonb)`,
      stale: true,
      staleReason: options.reason,
      updatedAt: sql`now()`,
    })
    .where(sql`${claim.workspaceId} = ${options.workspaceId} and ${options.claims}`)
    .returning({ battlecardId: claim.battlecardId });
  const cardIds = [...new Set(touched.map((t) => t.battlecardId))];
  if (cardIds.length > 0) {
    // The live card now differs from what was published.
    await tx
      .update(battlecard)
      .set({ contentUpdatedAt: sql`now()` })
      .where(inArray(battlecard.id, cardIds));
  }
  return cardIds;
}

/** Before deleting one piece of evidence. The containment test uses the claim citations index. */
export function detachEvidence(
  tx: Tx,
  workspaceId: string,
  item: { id: string; title: string },
): Promise<string[]> {
  const citesIt = JSON.stringify([{ evidenceId: item.id }]);
  return detach(tx, {
    workspaceId,
    removes: sql`c.value->>'evidenceId' = ${item.id}`,
    claims: sql`${claim.citations} @> ${citesIt}::jsonb`,
    reason: `Its evidence "${item.title}" was deleted`,
  });
}

/**
 * Before deleting a competitor: its own cards go with it, but a card of another competitor may
 * cite this one's evidence (a comparison, a shared customer); those claims lose the citation.
 */
export function detachCompetitorEvidence(
  tx: Tx,
  workspaceId: string,
  rival: { id: string; name: string },
): Promise<string[]> {
  const ofRival = (element: SQL) =>
    sql`exists (select 1 from ${evidence} where ${evidence.competitorId} = ${rival.id}
      and ${evidence.id}::text = ${element}->>'evidenceId')`;
  return detach(tx, {
    workspaceId,
    removes: ofRival(sql`c.value`),
    claims: sql`${claim.battlecardId} not in (
        select ${battlecard.id} from ${battlecard} where ${battlecard.competitorId} = ${rival.id})
      and exists (select 1 from jsonb_array_elements(${claim.citations}) as cited(value)
        where ${ofRival(sql`cited.value`)})`,
    reason: `Its evidence from ${rival.name} was deleted with the competitor`,
  });
}
