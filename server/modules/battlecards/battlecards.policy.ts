import { type SQL, eq, or } from 'drizzle-orm';
import type { CardView } from '../../../common/battlecards';
import { PERMISSIONS, hasRole } from '../../../common/permissions';
import { battlecard } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { forbidden, notFound } from '../../lib/errors';
import { authorize } from '../auth/auth.policy';

/**
 * Who may see and change which battlecard — the one place these rules live.
 *
 * - Anyone in the workspace sees a `workspace` card; a `private` card only its owner and the
 *   workspace's admins and owners (to everyone else it does not exist: 404).
 * - Editors and up edit and publish the cards they can see (viewers: 403).
 * - Viewers (sellers) read what was published, never the working copy: a half-finished edit
 *   is not something to quote on a call. Editors read the working copy.
 * - Deleting a card or changing its visibility: its owner, or an admin or owner.
 */
export interface CardAccess {
  visibility: 'workspace' | 'private';
  ownerId: string | null;
}

const isAdmin = (ctx: RequestContext) => hasRole(ctx.actor.role, 'admin');
const isEditor = (ctx: RequestContext) => hasRole(ctx.actor.role, PERMISSIONS['content.edit']);
const isOwner = (ctx: RequestContext, card: CardAccess) =>
  card.ownerId !== null && card.ownerId === ctx.actor.userId;

export const battlecardNotFound = () => notFound('Battlecard');

/** Whether the caller may see a card of their own workspace. */
export function canSeeCard(ctx: RequestContext, card: CardAccess): boolean {
  return card.visibility === 'workspace' || isOwner(ctx, card) || isAdmin(ctx);
}

/** The condition a list adds so private cards of others never show; none for admins. */
export function visibleCardsCondition(ctx: RequestContext): SQL | undefined {
  if (isAdmin(ctx)) return undefined;
  return or(eq(battlecard.visibility, 'workspace'), eq(battlecard.ownerId, ctx.actor.userId));
}

/** What the caller may do with a card they can see; sent with the card so the UI never guesses. */
export function cardPermissions(ctx: RequestContext, card: CardAccess) {
  const edit = isEditor(ctx);
  return { canEdit: edit, canPublish: edit, canDelete: edit && mayManage(ctx, card) };
}

function mayManage(ctx: RequestContext, card: CardAccess): boolean {
  return isOwner(ctx, card) || isAdmin(ctx);
}

/** 404 unless the caller may see the card (call with a card of the caller's workspace). */
export function assertCardVisible(ctx: RequestContext, card: CardAccess | undefined): CardAccess {
  if (!card || !canSeeCard(ctx, card)) throw battlecardNotFound();
  return card;
}

/** Reading the unpublished working copy (a card's draft, a diff against it): editors and up. */
export function authorizeDraftRead(ctx: RequestContext): void {
  if (!isEditor(ctx)) {
    throw forbidden('Only editors can read unpublished changes; you see the published card.');
  }
}

/**
 * Which copy of a card the caller reads: the one asked for, else the working copy for editors
 * and the published one for everyone else. Viewers asking for the draft: 403.
 */
export function cardViewFor(ctx: RequestContext, requested: CardView | undefined): CardView {
  if (requested === 'draft') authorizeDraftRead(ctx);
  return requested ?? (isEditor(ctx) ? 'draft' : 'published');
}

/** The gate before any write: editors and up (403 otherwise). */
export function authorizeCardEdit(ctx: RequestContext): void {
  authorize(ctx, 'content.edit');
}

/** Deleting a card, or making it private or public again. */
export function authorizeCardManage(ctx: RequestContext, card: CardAccess, what: string): void {
  if (!mayManage(ctx, card)) {
    throw forbidden(`Only the card's owner or a workspace admin can ${what}.`);
  }
}
