import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type {
  BattlecardDiff,
  BattlecardVersion,
  BattlecardVersionSummary,
  DiffQuerySchema,
  PublishBodySchema,
  Section,
} from '../../../common/battlecards';
import { battlecard, battlecardVersion, user } from '../../db/schema';
import type { Cache } from '../../lib/cache/cache';
import type { RequestContext } from '../../lib/context';
import { AppError, badRequest, notFound } from '../../lib/errors';
import { recordAction } from '../audit/audit.service';
import { assertCardVisible, authorizeCardEdit, authorizeDraftRead } from './battlecards.policy';
import { invalidateCards } from './card-cache';
import { loadCardBody } from './card-read';
import { lockCard, touchCard } from './card-write';
import { type CardSnapshot, diffSnapshots } from './diff';
import { type VersionRow, presentVersion, presentVersionSummary } from './present';

type PublishInput = z.infer<typeof PublishBodySchema>;
type DiffQuery = z.infer<typeof DiffQuerySchema>;
type VersionRef = DiffQuery['from'];

const publisher = alias(user, 'publisher');

const versionColumns = {
  battlecardId: battlecardVersion.battlecardId,
  version: battlecardVersion.version,
  title: battlecardVersion.title,
  segment: battlecardVersion.segment,
  note: battlecardVersion.note,
  claimCount: battlecardVersion.claimCount,
  publishedAt: battlecardVersion.publishedAt,
  publishedById: battlecardVersion.publishedBy,
  publishedByName: publisher.name,
};

const versionNotFound = () => notFound('Version');

/** The versions of card `id` in the caller's workspace, or just `version` of them. */
const versionsOf = (ctx: RequestContext, id: string, version?: number) =>
  and(
    eq(battlecardVersion.battlecardId, id),
    eq(battlecardVersion.workspaceId, ctx.workspaceId),
    version === undefined ? undefined : eq(battlecardVersion.version, version),
  );

/** Publishing (an immutable snapshot per version), version history, and diffs. */
export class VersionsService {
  constructor(private readonly cache: Cache) {}

  /**
   * Snapshots the card exactly as GET shows it as version N+1. The card row is locked first, so
   * concurrent publishes of one card queue up and number their versions N+1, N+2; the primary
   * key (card, version) would refuse a duplicate anyway.
   */
  async publish(ctx: RequestContext, id: string, input: PublishInput): Promise<BattlecardVersion> {
    authorizeCardEdit(ctx);
    const published = await ctx.db.transaction(async (tx) => {
      const card = await lockCard(tx, ctx, id);
      if (card.status === 'generating') {
        throw new AppError(
          'battlecard_generating',
          409,
          'This card is being generated; publish it when generation has finished.',
        );
      }
      const { body } = (await loadCardBody(tx, ctx.workspaceId, id))!;
      const claimCount = body.sections.reduce((n, s) => n + s.claims.length, 0);
      if (claimCount === 0) {
        throw badRequest('empty_battlecard', 'Add at least one claim before publishing.');
      }
      const version = card.version + 1;
      await tx.insert(battlecardVersion).values({
        battlecardId: id,
        version,
        workspaceId: ctx.workspaceId,
        title: body.title,
        segment: body.segment,
        note: input.note || null,
        sections: body.sections,
        claimCount,
        publishedBy: ctx.actor.userId,
        publishedAt: sql`clock_timestamp()`,
      });
      // Taken after the lock and after every committed edit: nothing unpublished remains.
      await tx
        .update(battlecard)
        .set({ version, status: 'published', publishedAt: sql`clock_timestamp()` })
        .where(eq(battlecard.id, id));
      await touchCard(tx, id, false);
      await recordAction(tx, ctx, 'battlecard.published', id, { version, claimCount });
      return { version, sections: body.sections };
    });
    await invalidateCards(this.cache, [id]);
    const row = await this.versionRow(ctx, id, published.version);
    return presentVersion(row, published.sections);
  }

  async list(ctx: RequestContext, id: string): Promise<{ items: BattlecardVersionSummary[] }> {
    await this.assertVisible(ctx, id);
    const rows = await ctx.db
      .select(versionColumns)
      .from(battlecardVersion)
      .leftJoin(publisher, eq(publisher.id, battlecardVersion.publishedBy))
      .where(versionsOf(ctx, id))
      .orderBy(desc(battlecardVersion.version));
    return { items: rows.map(presentVersionSummary) };
  }

  async get(ctx: RequestContext, id: string, version: number): Promise<BattlecardVersion> {
    await this.assertVisible(ctx, id);
    const snapshot = await this.snapshotOf(ctx, id, version);
    return presentVersion(snapshot.row, snapshot.sections);
  }

  /**
   * What changed between two versions, or between a version and the current draft (editors
   * only: viewers never see unpublished changes).
   */
  async diff(ctx: RequestContext, id: string, query: DiffQuery): Promise<BattlecardDiff> {
    if (query.from === 'draft' || query.to === 'draft') authorizeDraftRead(ctx);
    await this.assertVisible(ctx, id);
    const [from, to] = await Promise.all([
      this.state(ctx, id, query.from),
      this.state(ctx, id, query.to),
    ]);
    return { from: query.from, to: query.to, ...diffSnapshots(from, to) };
  }

  private async state(ctx: RequestContext, id: string, ref: VersionRef): Promise<CardSnapshot> {
    if (ref === 'draft') {
      const loaded = await loadCardBody(ctx.db, ctx.workspaceId, id);
      if (!loaded) throw versionNotFound();
      return loaded.body;
    }
    const { row, sections } = await this.snapshotOf(ctx, id, ref);
    return { title: row.title, segment: row.segment, sections };
  }

  private async snapshotOf(ctx: RequestContext, id: string, version: number) {
    const [row] = await ctx.db
      .select({ ...versionColumns, sections: battlecardVersion.sections })
      .from(battlecardVersion)
      .leftJoin(publisher, eq(publisher.id, battlecardVersion.publishedBy))
      .where(versionsOf(ctx, id, version));
    if (!row) throw versionNotFound();
    // Written by publish() from the presenter's own output: the contract's Section[].
    return { row, sections: row.sections as Section[] };
  }

  private async versionRow(ctx: RequestContext, id: string, version: number): Promise<VersionRow> {
    const [row] = await ctx.db
      .select(versionColumns)
      .from(battlecardVersion)
      .leftJoin(publisher, eq(publisher.id, battlecardVersion.publishedBy))
      .where(versionsOf(ctx, id, version));
    if (!row) throw versionNotFound();
    return row;
  }

  private async assertVisible(ctx: RequestContext, id: string): Promise<void> {
    const [card] = await ctx.db
      .select({ visibility: battlecard.visibility, ownerId: battlecard.ownerId })
      .from(battlecard)
      .where(and(eq(battlecard.id, id), eq(battlecard.workspaceId, ctx.workspaceId)));
    assertCardVisible(ctx, card);
  }
}
