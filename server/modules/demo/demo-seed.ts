import { eq } from 'drizzle-orm';
import {
  CreateBattlecardBodySchema,
  CreateClaimBodySchema,
  PublishBodySchema,
  SECTION_KEYS,
} from '../../../common/battlecards';
import { CreateCompetitorBodySchema, CreateEvidenceBodySchema } from '../../../common/competitors';
import { CreateDealBodySchema } from '../../../common/deals';
import { ProductBodySchema } from '../../../common/product';
import { evidence } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import type { Tx } from '../../lib/db/database';
import type { Services } from '../../services';
import { BattlecardsService } from '../battlecards/battlecards.service';
import { ClaimsService } from '../battlecards/claims.service';
import { VersionsService } from '../battlecards/versions.service';
import { createCompetitor } from '../competitors/competitors.service';
import { createDeal } from '../deals/deals.service';
import { createEvidence } from '../evidence/evidence.service';
import { saveProduct } from '../product/product.service';
import { DEMO_COMPETITORS, DEMO_PRODUCT } from './demo-content';
import { type DemoCompetitor, evidenceContent } from './demo-types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Fills a new workspace with the demo content through the same services the API uses, so
 * every rule holds (citations are exact quotes, names are unique, published versions are
 * snapshots). `ctx.db` is the caller's transaction: the whole demo commits or none of it.
 */
export async function seedDemoContent(services: Services, ctx: RequestContext, tx: Tx) {
  const now = Date.now();
  const daysAgo = (days: number) => new Date(now - days * DAY_MS);
  const cards = new BattlecardsService(services.cache);
  const claims = new ClaimsService(services.cache);
  const versions = new VersionsService(services.cache);

  await saveProduct(ctx, ProductBodySchema.parse(DEMO_PRODUCT));

  for (const rival of DEMO_COMPETITORS) {
    const { id: competitorId } = await createCompetitor(
      ctx,
      CreateCompetitorBodySchema.parse({
        name: rival.name,
        website: rival.website,
        summary: rival.summary,
        tier: rival.tier,
        tags: rival.tags,
      }),
    );

    const evidenceIds = new Map<string, string>();
    for (const item of rival.evidence) {
      const at = daysAgo(item.daysAgo);
      const created = await createEvidence(
        ctx,
        competitorId,
        CreateEvidenceBodySchema.parse({
          kind: item.kind,
          title: item.title,
          content: evidenceContent(item),
          url: item.url ?? null,
          // A competitor's page has a publication date; interviews and notes are dated by capture.
          publishedAt: item.kind === 'webpage' ? at.toISOString() : null,
        }),
      );
      // The demo stands for months of gathering: date each capture when it "happened".
      await tx.update(evidence).set({ capturedAt: at }).where(eq(evidence.id, created.id));
      evidenceIds.set(item.key, created.id);
    }

    const card = await cards.create(
      ctx,
      CreateBattlecardBodySchema.parse({
        competitorId,
        segment: rival.battlecard.segment,
        title: rival.battlecard.title,
      }),
    );
    const objectionIds: string[] = [];
    for (const section of SECTION_KEYS) {
      for (const demoClaim of rival.battlecard.sections[section]) {
        const created = await claims.create(
          ctx,
          card.id,
          CreateClaimBodySchema.parse({
            section,
            text: demoClaim.text,
            response: demoClaim.response,
            audience: demoClaim.audience,
            confidence: demoClaim.confidence,
            citations: demoClaim.cites.map((cite) => ({
              evidenceId: evidenceIds.get(cite.evidence),
              quote: cite.quote,
            })),
          }),
        );
        if (section === 'objections') objectionIds.push(created.id);
        if (demoClaim.verified) await claims.verify(ctx, card.id, created.id);
        if (demoClaim.staleReason) {
          await claims.markStale(ctx, card.id, created.id, { reason: demoClaim.staleReason });
        }
      }
    }
    await versions.publish(
      ctx,
      card.id,
      PublishBodySchema.parse({ note: 'First version, from the intel gathered so far.' }),
    );

    for (const deal of rival.deals) {
      await createDeal(ctx, dealBody(rival, deal, competitorId, objectionIds, daysAgo));
    }
  }
}

function dealBody(
  rival: DemoCompetitor,
  deal: DemoCompetitor['deals'][number],
  competitorId: string,
  objectionIds: string[],
  daysAgo: (days: number) => Date,
) {
  return CreateDealBodySchema.parse({
    competitorId,
    name: deal.name,
    outcome: deal.outcome,
    amount: deal.amount,
    closedAt: daysAgo(deal.daysAgo).toISOString(),
    reasons: deal.reasons,
    notes: deal.notes,
    objections: deal.objections.map((o) => {
      if (o.objection === undefined) {
        return { text: o.text!, responseUsed: o.responseUsed, effective: o.effective };
      }
      const objection = rival.battlecard.sections.objections[o.objection]!;
      return {
        claimId: objectionIds[o.objection],
        text: objection.text,
        responseUsed: o.responseUsed ?? objection.response,
        effective: o.effective,
      };
    }),
  });
}
