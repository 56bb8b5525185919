import type { WriterClaim } from '../../contracts';
import { byRecency, factsOf, makeClaim, type WriterContext } from './context';
import { formatDate, isSentenceLike, joinList } from './text';

/**
 * Customers (who uses them: names in one line, stories on their own) and news (newest first,
 * each dated by its evidence, so a seller sees at a glance what is current).
 */

const MAX_CUSTOMERS = 6;
const MAX_NAMES = 8;
const MAX_NEWS = 5;
// "4 June 2026: …", "June 4, 2026 —", "2026-06-04": the value already says when.
// Any leading date or year label ("January 2027:", "2022:", "Q3 2026 —") already dates the
// value: a second date in front of it reads as "9 Sep 2026: January 2027: …".
const LEADING_DATE =
  /^(?:\d{1,2} [A-Z][a-z]+\.? \d{4}|[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+\.? \d{4}|(?:Q[1-4]|H[12]) \d{4}|\d{4})\s*(?:[:–—-]|$)/;

export function writeCustomers(ctx: WriterContext): WriterClaim[] {
  // The competitor and we are never their customer ("Ledgerly's", "Tidewell" from a loose list).
  const self = [ctx.competitorName, ctx.our.name].map((name) => name.toLowerCase());
  const facts = factsOf(ctx, 'customer').filter((fact) => {
    const name = fact.value.toLowerCase().replace(/['’]s$/, '');
    return !self.some((own) => own.length > 1 && (name === own || name.startsWith(`${own} `)));
  });
  const names = facts.filter((fact) => !isSentenceLike(fact.value)).slice(0, MAX_NAMES);
  const stories = facts.filter((fact) => isSentenceLike(fact.value));
  const claims: WriterClaim[] = [];
  if (names.length > 0) {
    const lead = names.length === 1 ? 'Named customer' : 'Named customers';
    const claim = makeClaim(
      'customers',
      `${lead}: ${joinList(names.map((fact) => fact.value))}`,
      names,
      { perFact: 1 },
    );
    if (claim) claims.push(claim);
  }
  for (const fact of stories) {
    if (claims.length >= MAX_CUSTOMERS) break;
    const claim = makeClaim('customers', fact.value, [fact]);
    if (claim) claims.push(claim);
  }
  return claims;
}

export function writeNews(ctx: WriterContext): WriterClaim[] {
  const claims: WriterClaim[] = [];
  for (const fact of factsOf(ctx, 'news').sort(byRecency)) {
    if (claims.length >= MAX_NEWS) break;
    const date = formatDate(fact.fact.latestAt);
    const dated = date && !LEADING_DATE.test(fact.value) ? `${date}: ${fact.value}` : fact.value;
    const claim = makeClaim('news', dated, [fact]);
    if (claim) claims.push(claim);
  }
  return claims;
}
