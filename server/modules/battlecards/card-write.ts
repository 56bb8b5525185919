import { and, eq, sql } from 'drizzle-orm';
import { battlecard } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import type { Tx } from '../../lib/db/database';
import { type CardAccess, assertCardVisible } from './battlecards.policy';

/** What a write needs to know about the card it changes. */
export interface LockedCard extends CardAccess {
  id: string;
  competitorId: string;
  title: string;
  segment: string;
  status: 'draft' | 'generating' | 'published' | 'archived' | 'failed';
  version: number;
}

/**
 * Locks the card row for the rest of the transaction (`SELECT … FOR UPDATE`), or 404 when it is
 * not in the caller's workspace or not visible to them. Every write to a card or its claims
 * starts here, so writes to one card run one at a time: positions stay dense, publishes number
 * their versions without gaps or duplicates, and edit and publish timestamps stay in order.
 */
export async function lockCard(tx: Tx, ctx: RequestContext, id: string): Promise<LockedCard> {
  const [card] = await tx
    .select({
      id: battlecard.id,
      competitorId: battlecard.competitorId,
      title: battlecard.title,
      segment: battlecard.segment,
      status: battlecard.status,
      visibility: battlecard.visibility,
      ownerId: battlecard.ownerId,
      version: battlecard.version,
    })
    .from(battlecard)
    .where(and(eq(battlecard.id, id), eq(battlecard.workspaceId, ctx.workspaceId)))
    .for('update');
  assertCardVisible(ctx, card);
  return card!;
}

/**
 * Marks the card changed: `updated_at` always, `content_updated_at` when what it shows changed
 * (so it has unpublished changes). clock_timestamp(), not now(): taken after the row lock, it
 * orders this write after a publish that held the lock before it.
 */
export async function touchCard(tx: Tx, id: string, content: boolean): Promise<void> {
  await tx
    .update(battlecard)
    .set({
      updatedAt: sql`clock_timestamp()`,
      ...(content ? { contentUpdatedAt: sql`clock_timestamp()` } : {}),
    })
    .where(eq(battlecard.id, id));
}
