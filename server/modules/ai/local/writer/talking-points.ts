import type { WriterClaim } from '../../contracts';
import { makeClaim, type WriterContext } from './context';
import type { Contrast } from './contrast';
import { weaknessFacts, weaknessGist } from './weakness-facts';
import { gist } from './text';

/**
 * Talking points: the three to five sharpest lines for a call. Contrasts lead (us first, with
 * proof when we have it); when we have fewer than three, their best-documented weaknesses fill
 * in. Never more than five, never padded.
 */

const MAX_POINTS = 5;
const MIN_WANTED = 3;

export function writeTalkingPoints(ctx: WriterContext, contrasts: Contrast[]): WriterClaim[] {
  const claims: WriterClaim[] = [];
  const used = new Set<unknown>();
  for (const contrast of contrasts) {
    if (claims.length >= MAX_POINTS) break;
    const claim = makeClaim('talking_points', contrast.point, contrast.theirs, {
      factor: contrast.factor,
      perFact: 1,
    });
    if (claim) {
      claims.push(claim);
      for (const fact of contrast.theirs) used.add(fact);
    }
  }
  if (claims.length < MIN_WANTED) {
    for (const fact of weaknessFacts(ctx)) {
      if (claims.length >= MIN_WANTED) break;
      if (used.has(fact)) continue;
      const text = `Where ${ctx.competitorName} is exposed: ${gist(weaknessGist(fact), 180)}`;
      const claim = makeClaim('talking_points', text, [fact], { perFact: 1 });
      if (claim) claims.push(claim);
    }
  }
  return claims;
}
