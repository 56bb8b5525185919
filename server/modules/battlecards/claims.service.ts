import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type {
  Claim,
  CreateClaimBodySchema,
  MarkStaleBodySchema,
  ReorderSectionBodySchema,
  Section,
  SectionKey,
  UpdateClaimBodySchema,
} from '../../../common/battlecards';
import { type CitationRow, claim } from '../../db/schema';
import type { Cache } from '../../lib/cache/cache';
import type { RequestContext } from '../../lib/context';
import type { Tx } from '../../lib/db/database';
import { badRequest, notFound } from '../../lib/errors';
import { recordAction } from '../audit/audit.service';
import { authorizeCardEdit } from './battlecards.policy';
import { invalidateCards } from './card-cache';
import { loadCitedEvidence, loadClaim, loadClaimRows } from './card-read';
import { lockCard, touchCard } from './card-write';
import { validateCitations } from './citations';
import { buildSections } from './present';
import { closeGap, moveWithin, openGap, sectionClaimIds, sectionSize, setOrder } from './positions';

type CreateInput = z.infer<typeof CreateClaimBodySchema>;
type UpdateInput = z.infer<typeof UpdateClaimBodySchema>;
type ReorderInput = z.infer<typeof ReorderSectionBodySchema>;
type StaleInput = z.infer<typeof MarkStaleBodySchema>;
type ClaimMarks = Pick<
  PgUpdateSetSource<typeof claim>,
  'stale' | 'staleReason' | 'verifiedBy' | 'verifiedAt'
>;

/** A section holds at most this many claims (a card is read mid-call, not scrolled). */
export const SECTION_CLAIMS_MAX = 200;

/** Citations as comparable text (jsonb hands keys back in its own order). */
const citationsKey = (citations: readonly CitationRow[]) =>
  JSON.stringify(citations.map((c) => [c.evidenceId, c.quote]));

const claimNotFound = () => notFound('Claim');

const responseNotAllowed = () =>
  badRequest('response_not_allowed', 'Only claims in the objections section have a response.', {
    fields: [{ path: 'body.response', message: 'is allowed only in the objections section' }],
  });

/**
 * Claims of a card: add, edit, move, delete, reorder, verify, mark stale. Each write locks the
 * card, keeps positions dense, marks the card changed, records an event, and — after commit —
 * drops the card from the read cache.
 */
export class ClaimsService {
  constructor(private readonly cache: Cache) {}

  async create(ctx: RequestContext, battlecardId: string, input: CreateInput): Promise<Claim> {
    authorizeCardEdit(ctx);
    if (input.response !== undefined && input.section !== 'objections') throw responseNotAllowed();
    return this.write(ctx, battlecardId, async (tx) => {
      const citations = await validateCitations(tx, ctx.workspaceId, input.citations);
      const size = await sectionSize(tx, battlecardId, input.section);
      if (size >= SECTION_CLAIMS_MAX) {
        throw badRequest(
          'section_full',
          `A section holds at most ${SECTION_CLAIMS_MAX} claims; merge or remove some first.`,
        );
      }
      const position = Math.min(input.position ?? size, size);
      await openGap(tx, battlecardId, input.section, position);
      const [row] = await tx
        .insert(claim)
        .values({
          workspaceId: ctx.workspaceId,
          battlecardId,
          section: input.section,
          position,
          text: input.text,
          response: input.response ?? null,
          audience: input.audience,
          confidence: input.confidence,
          citations,
        })
        .returning({ id: claim.id });
      await recordAction(tx, ctx, 'claim.created', row!.id, {
        battlecardId,
        section: input.section,
      });
      return row!.id;
    });
  }

  async update(
    ctx: RequestContext,
    battlecardId: string,
    claimId: string,
    input: UpdateInput,
  ): Promise<Claim> {
    authorizeCardEdit(ctx);
    return this.write(ctx, battlecardId, async (tx) => {
      const current = await this.find(tx, ctx, battlecardId, claimId);
      const section = input.section ?? current.section;
      if (typeof input.response === 'string' && section !== 'objections') {
        throw responseNotAllowed();
      }
      const citations =
        input.citations === undefined
          ? undefined
          : await validateCitations(tx, ctx.workspaceId, input.citations);

      if (section !== current.section) {
        // Out of one section, in at the end of the other (or at `position`).
        const size = await sectionSize(tx, battlecardId, section);
        await closeGap(tx, battlecardId, current.section, current.position);
        const position = Math.min(input.position ?? size, size);
        await openGap(tx, battlecardId, section, position);
        await tx.update(claim).set({ section, position }).where(eq(claim.id, claimId));
      } else if (input.position !== undefined) {
        const last = (await sectionSize(tx, battlecardId, section)) - 1;
        const to = Math.min(input.position, last);
        await moveWithin(tx, battlecardId, section, claimId, current.position, to);
      }

      // Leaving the objections section drops the response; elsewhere `null` clears it.
      const response =
        section !== 'objections'
          ? null
          : input.response === undefined
            ? current.response
            : input.response;
      const text = input.text ?? current.text;
      const sameCitations =
        citations === undefined || citationsKey(citations) === citationsKey(current.citations);
      // A verification vouches for what the claim says: saying something else voids it.
      const reworded = text !== current.text || response !== current.response || !sameCitations;
      await tx
        .update(claim)
        .set({
          text,
          response,
          ...(input.audience === undefined ? {} : { audience: input.audience }),
          ...(input.confidence === undefined ? {} : { confidence: input.confidence }),
          ...(citations === undefined ? {} : { citations }),
          ...(reworded ? { verifiedBy: null, verifiedAt: null } : {}),
          // Any edit makes it a person's claim: regeneration keeps it.
          origin: 'human',
          updatedAt: sql`clock_timestamp()`,
        })
        .where(eq(claim.id, claimId));
      await recordAction(tx, ctx, 'claim.updated', claimId, {
        battlecardId,
        fields: Object.keys(input),
      });
      return claimId;
    });
  }

  async delete(ctx: RequestContext, battlecardId: string, claimId: string): Promise<void> {
    authorizeCardEdit(ctx);
    await ctx.db.transaction(async (tx) => {
      await lockCard(tx, ctx, battlecardId);
      const current = await this.find(tx, ctx, battlecardId, claimId);
      await tx.delete(claim).where(eq(claim.id, claimId));
      await closeGap(tx, battlecardId, current.section, current.position);
      await touchCard(tx, battlecardId, true);
      await recordAction(tx, ctx, 'claim.deleted', claimId, {
        battlecardId,
        section: current.section,
      });
    });
    await invalidateCards(this.cache, [battlecardId]);
  }

  /** Puts a section in a new order; the body must list each of its claims exactly once. */
  async reorder(
    ctx: RequestContext,
    battlecardId: string,
    section: SectionKey,
    input: ReorderInput,
  ): Promise<Section> {
    authorizeCardEdit(ctx);
    const reordered = await ctx.db.transaction(async (tx) => {
      await lockCard(tx, ctx, battlecardId);
      const current = await sectionClaimIds(tx, battlecardId, section);
      const known = new Set(current);
      const given = new Set(input.claimIds);
      const duplicates = input.claimIds.filter((id, i) => input.claimIds.indexOf(id) !== i);
      const unknown = input.claimIds.filter((id) => !known.has(id));
      const missing = current.filter((id) => !given.has(id));
      if (duplicates.length + unknown.length + missing.length > 0) {
        throw badRequest(
          'invalid_order',
          `List every claim of the section exactly once (it has ${current.length}).`,
          { missing, unknown, duplicates: [...new Set(duplicates)] },
        );
      }
      await setOrder(tx, battlecardId, section, input.claimIds);
      await touchCard(tx, battlecardId, true);
      await recordAction(tx, ctx, 'battlecard.updated', battlecardId, { reordered: section });
      const rows = await loadClaimRows(tx, ctx.workspaceId, battlecardId, input.claimIds);
      const sections = buildSections(rows, await loadCitedEvidence(tx, ctx.workspaceId, rows));
      return sections.find((s) => s.key === section)!;
    });
    await invalidateCards(this.cache, [battlecardId]);
    return reordered;
  }

  /** "Verified by X on date": a person vouches for the claim; it is no longer stale. */
  verify(ctx: RequestContext, battlecardId: string, claimId: string): Promise<Claim> {
    const marks = {
      stale: false,
      staleReason: null,
      verifiedBy: ctx.actor.userId,
      verifiedAt: sql`clock_timestamp()`,
    };
    return this.mark(ctx, battlecardId, claimId, marks, { verified: true });
  }

  markStale(
    ctx: RequestContext,
    battlecardId: string,
    claimId: string,
    input: StaleInput,
  ): Promise<Claim> {
    const marks = { stale: true, staleReason: input.reason || null };
    return this.mark(ctx, battlecardId, claimId, marks, { stale: true });
  }

  /** Sets a claim's stale or verified marks; what it says is unchanged. */
  private async mark(
    ctx: RequestContext,
    battlecardId: string,
    claimId: string,
    marks: ClaimMarks,
    eventData: Record<string, unknown>,
  ): Promise<Claim> {
    authorizeCardEdit(ctx);
    return this.write(ctx, battlecardId, async (tx) => {
      await this.find(tx, ctx, battlecardId, claimId);
      await tx
        .update(claim)
        .set({ ...marks, updatedAt: sql`clock_timestamp()` })
        .where(eq(claim.id, claimId));
      await recordAction(tx, ctx, 'claim.updated', claimId, { battlecardId, ...eventData });
      return claimId;
    });
  }

  /** Locks the card, runs `change` (which returns the claim it wrote), marks the card changed. */
  private async write(
    ctx: RequestContext,
    battlecardId: string,
    change: (tx: Tx) => Promise<string>,
  ): Promise<Claim> {
    const result = await ctx.db.transaction(async (tx) => {
      await lockCard(tx, ctx, battlecardId);
      const claimId = await change(tx);
      await touchCard(tx, battlecardId, true);
      return loadClaim(tx, ctx.workspaceId, battlecardId, claimId);
    });
    await invalidateCards(this.cache, [battlecardId]);
    return result;
  }

  private async find(tx: Tx, ctx: RequestContext, battlecardId: string, claimId: string) {
    const [row] = await tx
      .select({
        section: claim.section,
        position: claim.position,
        text: claim.text,
        response: claim.response,
        citations: claim.citations,
      })
      .from(claim)
      .where(
        and(
          eq(claim.id, claimId),
          eq(claim.battlecardId, battlecardId),
          eq(claim.workspaceId, ctx.workspaceId),
        ),
      );
    if (!row) throw claimNotFound();
    return row;
  }
}
