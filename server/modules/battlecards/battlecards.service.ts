import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Battlecard,
  BattlecardSummary,
  CardView,
  CreateBattlecardBodySchema,
  ListBattlecardsQuerySchema,
  UpdateBattlecardBodySchema,
} from '../../../common/battlecards';
import type { Page } from '../../../common/pagination';
import { battlecard, competitor } from '../../db/schema';
import type { Cache } from '../../lib/cache/cache';
import type { RequestContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { recordAction } from '../audit/audit.service';
import {
  type CardAccess,
  authorizeCardEdit,
  authorizeCardManage,
  battlecardNotFound,
  canSeeCard,
  cardPermissions,
  cardViewFor,
} from './battlecards.policy';
import { cardViewCacheKey, invalidateCards, readCard } from './card-cache';
import { listCards } from './card-list';
import { loadCardBody, loadPublishedCardBody } from './card-read';
import { lockCard, touchCard } from './card-write';
import type { BattlecardBody } from './present';

type ListQuery = z.infer<typeof ListBattlecardsQuerySchema>;
type CreateInput = z.infer<typeof CreateBattlecardBodySchema>;
type UpdateInput = z.infer<typeof UpdateBattlecardBodySchema>;

/** A cached card: the body as JSON text, and what the access check needs. */
interface CachedCard extends CardAccess {
  workspaceId: string;
  json: string;
}

/**
 * The cache holds a card as one string — a one-line JSON header (workspace, visibility,
 * owner), a newline, the body's JSON — so a hit costs no parse of the body (the caches hand a
 * string back as is; an object would be copied through JSON.parse on every read).
 */
const encodeCard = (card: CachedCard) =>
  `${JSON.stringify([card.workspaceId, card.visibility, card.ownerId])}\n${card.json}`;

function decodeCard(text: string): CachedCard {
  // JSON.stringify escapes newlines, so the first one ends the header.
  const end = text.indexOf('\n');
  const [workspaceId, visibility, ownerId] = JSON.parse(text.slice(0, end)) as [
    string,
    CardAccess['visibility'],
    string | null,
  ];
  return { workspaceId, visibility, ownerId, json: text.slice(end + 1) };
}

/** `<Competitor> battlecard`, plus ` — <segment>` for any segment but the general one. */
export const defaultTitle = (competitorName: string, segment: string) =>
  segment === 'General'
    ? `${competitorName} battlecard`
    : `${competitorName} battlecard — ${segment}`;

/**
 * Adds the caller's permissions to a card's cached JSON text without parsing it again: the
 * body was built by our presenter (so it matches the contract), and the hot read then costs
 * a cache get and a string join.
 */
const withPermissions = (card: CachedCard, permissions: Battlecard['permissions']) =>
  `${card.json.slice(0, -1)},"permissions":${JSON.stringify(permissions)}}`;

/** Cards: list, create, read (cached), update, delete. */
export class BattlecardsService {
  /** Loads in progress per card, so a burst of misses for one card hits the database once. */
  private readonly loading = new Map<string, Promise<CachedCard>>();

  constructor(private readonly cache: Cache) {}

  list(ctx: RequestContext, query: ListQuery): Promise<Page<BattlecardSummary>> {
    return listCards(ctx, query);
  }

  async create(ctx: RequestContext, input: CreateInput): Promise<Battlecard> {
    authorizeCardEdit(ctx);
    const body = await ctx.db.transaction(async (tx) => {
      const [rival] = await tx
        .select({ name: competitor.name })
        .from(competitor)
        .where(
          and(eq(competitor.id, input.competitorId), eq(competitor.workspaceId, ctx.workspaceId)),
        );
      if (!rival) throw notFound('Competitor');
      const [row] = await tx
        .insert(battlecard)
        .values({
          workspaceId: ctx.workspaceId,
          competitorId: input.competitorId,
          segment: input.segment,
          title: input.title ?? defaultTitle(rival.name, input.segment),
          visibility: input.visibility,
          ownerId: ctx.actor.userId,
        })
        .returning({ id: battlecard.id });
      await recordAction(tx, ctx, 'battlecard.created', row!.id, {
        competitorId: input.competitorId,
        segment: input.segment,
      });
      return (await loadCardBody(tx, ctx.workspaceId, row!.id))!.body;
    });
    await invalidateCards(this.cache, [body.id]);
    return { ...body, permissions: cardPermissions(ctx, this.access(body)) };
  }

  /**
   * The seller's hot path: the card's JSON comes from the read-through cache (the database is
   * read only on a miss, and never written); permissions are the caller's, added per request.
   * Which copy — published or working — is the policy's call (`cardViewFor`).
   */
  async getJson(ctx: RequestContext, id: string, requested?: CardView): Promise<string> {
    const card = await this.cachedCard(ctx, id, cardViewFor(ctx, requested));
    if (card.workspaceId !== ctx.workspaceId || !canSeeCard(ctx, card)) throw battlecardNotFound();
    return withPermissions(card, cardPermissions(ctx, card));
  }

  async update(ctx: RequestContext, id: string, input: UpdateInput): Promise<Battlecard> {
    authorizeCardEdit(ctx);
    const body = await ctx.db.transaction(async (tx) => {
      const card = await lockCard(tx, ctx, id);
      if (input.visibility !== undefined && input.visibility !== card.visibility) {
        authorizeCardManage(ctx, card, 'change who can see it');
      }
      let status = card.status;
      if (input.status === 'archived') status = 'archived';
      // "draft" brings an archived card back: published again if it ever was.
      else if (input.status === 'draft' && card.status === 'archived') {
        status = card.version > 0 ? 'published' : 'draft';
      }
      const content =
        (input.title !== undefined && input.title !== card.title) ||
        (input.segment !== undefined && input.segment !== card.segment);
      await tx
        .update(battlecard)
        .set({
          ...(input.title === undefined ? {} : { title: input.title }),
          ...(input.segment === undefined ? {} : { segment: input.segment }),
          ...(input.visibility === undefined ? {} : { visibility: input.visibility }),
          status,
        })
        .where(eq(battlecard.id, id));
      await touchCard(tx, id, content);
      await recordAction(tx, ctx, 'battlecard.updated', id, {
        fields: Object.keys(input),
        ...(status === card.status ? {} : { status }),
      });
      return (await loadCardBody(tx, ctx.workspaceId, id))!.body;
    });
    await invalidateCards(this.cache, [id]);
    return { ...body, permissions: cardPermissions(ctx, this.access(body)) };
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    authorizeCardEdit(ctx);
    await ctx.db.transaction(async (tx) => {
      const card = await lockCard(tx, ctx, id);
      authorizeCardManage(ctx, card, 'delete it');
      await tx.delete(battlecard).where(eq(battlecard.id, id));
      await recordAction(tx, ctx, 'battlecard.deleted', id, {
        competitorId: card.competitorId,
        title: card.title,
      });
    });
    await invalidateCards(this.cache, [id]);
  }

  private access(body: BattlecardBody): CardAccess {
    return { visibility: body.visibility, ownerId: body.owner?.id ?? null };
  }

  private cachedCard(ctx: RequestContext, id: string, view: CardView): Promise<CachedCard> {
    // Keyed by workspace too: a caller of another workspace must not share a load (or its 404).
    const key = `${ctx.workspaceId}:${id}:${view}`;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const loadBody = view === 'draft' ? loadCardBody : loadPublishedCardBody;
    const load = readCard(this.cache, id, cardViewCacheKey(id, view), async () => {
      const loaded = await loadBody(ctx.db, ctx.workspaceId, id);
      if (!loaded) throw battlecardNotFound();
      return encodeCard({
        workspaceId: loaded.row.workspaceId,
        visibility: loaded.row.visibility,
        ownerId: loaded.row.ownerId,
        json: JSON.stringify(loaded.body),
      });
    })
      .then(decodeCard)
      .finally(() => this.loading.delete(key));
    this.loading.set(key, load);
    return load;
  }
}
