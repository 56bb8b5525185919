import { SECTION_KEYS, type SectionKey } from '../../../../common/battlecard-sections';
import type { BattlecardWriterInput, BattlecardWriterOutput, WriterClaim } from '../contracts';
import { buildContext, makeClaim, type WriterContext } from './writer/context';
import { findContrasts, type Contrast } from './writer/contrast';
import { writeCustomers, writeNews } from './writer/customers-news';
import { emptyNote } from './writer/empty-notes';
import { writeLandmines } from './writer/landmines';
import { writeObjections } from './writer/objections';
import { writeOverview } from './writer/overview';
import { writePricing } from './writer/pricing';
import { writeStrengths, writeWeaknesses } from './writer/strengths-weaknesses';
import { writeTalkingPoints } from './writer/talking-points';

/**
 * The local battlecard_writer agent: competitor profile + our product + segment + focus areas →
 * cited claims per section. Deterministic and offline: the same input always gives the same
 * card. Every claim cites quotes taken verbatim from the profile's citations; a section with no
 * supporting evidence is reported in `emptySections` with what to add, never padded.
 */

export const BATTLECARD_WRITER_VERSION = 'local-writer-3';

type SectionWriter = (ctx: WriterContext, contrasts: Contrast[], overview: string) => WriterClaim[];

const WRITERS: Record<SectionKey, SectionWriter> = {
  overview: (ctx, _contrasts, overview) => writeOverview(ctx, overview),
  strengths: (ctx) => writeStrengths(ctx),
  weaknesses: (ctx) => writeWeaknesses(ctx),
  how_we_win: (_ctx, contrasts) =>
    contrasts.slice(0, 6).flatMap((contrast) => {
      const claim = makeContrastClaim(contrast);
      return claim ? [claim] : [];
    }),
  objections: (ctx, contrasts) => writeObjections(ctx, contrasts),
  landmines: (ctx, contrasts) => writeLandmines(ctx, contrasts),
  pricing: (ctx) => writePricing(ctx),
  customers: (ctx) => writeCustomers(ctx),
  news: (ctx) => writeNews(ctx),
  talking_points: (ctx, contrasts) => writeTalkingPoints(ctx, contrasts),
};

function makeContrastClaim(contrast: Contrast): WriterClaim | null {
  return makeClaim('how_we_win', contrast.text, contrast.theirs, {
    factor: contrast.factor,
    perFact: contrast.theirs.length > 1 ? 1 : 2,
  });
}

export function writeBattlecard(input: BattlecardWriterInput): BattlecardWriterOutput {
  const wanted = new Set<SectionKey>(input.sections ?? SECTION_KEYS);
  const ctx = buildContext(input);
  const contrasts = findContrasts(ctx);
  const claims: WriterClaim[] = [];
  const emptySections: BattlecardWriterOutput['emptySections'] = [];
  for (const section of SECTION_KEYS) {
    if (!wanted.has(section)) continue;
    const written = WRITERS[section](ctx, contrasts, input.profile.overview);
    if (written.length === 0) {
      emptySections.push({ section, note: emptyNote(section, ctx.our.configured) });
    } else {
      claims.push(...written);
    }
  }
  return { claims, emptySections };
}
