import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  GenerateBodySchema,
  GenerationAccepted,
  RegenerateBodySchema,
} from '../../../common/ai';
import type { SectionKey } from '../../../common/battlecard-sections';
import { battlecard, competitor } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import type { Services } from '../../services';
import { recordAction } from '../audit/audit.service';
import { defaultTitle } from '../battlecards/battlecards.service';
import { authorizeCardEdit } from '../battlecards/battlecards.policy';
import { invalidateCards } from '../battlecards/card-cache';
import { lockCard } from '../battlecards/card-write';
import { type GeneratePayload, generationJob } from './generation/generate.job';
import { emptyGeneration } from './generation/save-generation';

type GenerateInput = z.infer<typeof GenerateBodySchema>;
type RegenerateInput = z.infer<typeof RegenerateBodySchema>;

const inProgress = () =>
  new AppError(
    'generation_in_progress',
    409,
    'This battlecard is being generated; wait for it to finish, then try again.',
  );

/**
 * Starting generations. The card row (or its `generating` status) and its job commit in one
 * transaction: a failed enqueue leaves no card behind, and no job runs for a card that was
 * never saved.
 */
export class GenerationService {
  constructor(private readonly services: Services) {}

  async generate(ctx: RequestContext, input: GenerateInput): Promise<GenerationAccepted> {
    authorizeCardEdit(ctx);
    const kind = generationJob(this.services.jobs);
    const accepted = await ctx.db.transaction(async (tx) => {
      const [rival] = await tx
        .select({ name: competitor.name })
        .from(competitor)
        .where(
          and(eq(competitor.id, input.competitorId), eq(competitor.workspaceId, ctx.workspaceId)),
        );
      if (!rival) throw notFound('Competitor');
      const [card] = await tx
        .insert(battlecard)
        .values({
          workspaceId: ctx.workspaceId,
          competitorId: input.competitorId,
          segment: input.productSegment,
          title: defaultTitle(rival.name, input.productSegment),
          status: 'generating',
          ownerId: ctx.actor.userId,
        })
        .returning({ id: battlecard.id });
      const battlecardId = card!.id;
      const payload: GeneratePayload = {
        workspaceId: ctx.workspaceId,
        battlecardId,
        kind: 'generate',
        replaceEdited: false,
        focusAreas: input.focusAreas,
        restoreStatus: 'draft',
        requestedBy: ctx.actor.userId,
      };
      const job = await this.services.jobs.enqueue(tx, kind, payload, {
        workspaceId: ctx.workspaceId,
      });
      await tx
        .update(battlecard)
        .set({ generatedBy: { ...emptyGeneration(), jobId: job.id } })
        .where(eq(battlecard.id, battlecardId));
      await recordAction(tx, ctx, 'battlecard.created', battlecardId, {
        competitorId: input.competitorId,
        segment: input.productSegment,
        generated: true,
        jobId: job.id,
      });
      return { battlecardId, jobId: job.id, status: 'queued' as const };
    });
    await invalidateCards(this.services.cache, [accepted.battlecardId]);
    return accepted;
  }

  async regenerate(
    ctx: RequestContext,
    battlecardId: string,
    section: SectionKey,
    input: RegenerateInput,
  ): Promise<GenerationAccepted> {
    authorizeCardEdit(ctx);
    const kind = generationJob(this.services.jobs);
    const accepted = await ctx.db.transaction(async (tx) => {
      const card = await lockCard(tx, ctx, battlecardId);
      if (card.status === 'generating') throw inProgress();
      const [row] = await tx
        .select({ generatedBy: battlecard.generatedBy })
        .from(battlecard)
        .where(eq(battlecard.id, battlecardId));
      const restoreStatus =
        card.status === 'published' || card.status === 'archived'
          ? card.status
          : card.version > 0
            ? 'published'
            : 'draft';
      const payload: GeneratePayload = {
        workspaceId: ctx.workspaceId,
        battlecardId,
        kind: 'regenerate',
        sections: [section],
        replaceEdited: input.replaceEdited,
        focusAreas: [],
        restoreStatus,
        requestedBy: ctx.actor.userId,
      };
      const job = await this.services.jobs.enqueue(tx, kind, payload, {
        workspaceId: ctx.workspaceId,
      });
      const previous = (row?.generatedBy ?? null) as Record<string, unknown> | null;
      await tx
        .update(battlecard)
        .set({
          status: 'generating',
          generatedBy: { ...emptyGeneration(), ...previous, jobId: job.id, error: null },
          updatedAt: sql`clock_timestamp()`,
        })
        .where(eq(battlecard.id, battlecardId));
      await recordAction(tx, ctx, 'battlecard.updated', battlecardId, {
        regenerate: section,
        replaceEdited: input.replaceEdited,
        jobId: job.id,
      });
      return { battlecardId, jobId: job.id, status: 'queued' as const };
    });
    await invalidateCards(this.services.cache, [battlecardId]);
    return accepted;
  }
}
