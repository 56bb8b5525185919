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

export function writeCustomers(ctx: WriterContext): WriterClaim[] {
  const facts = factsOf(ctx, 'customer');
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
    const claim = makeClaim('news', date ? `${date}: ${fact.value}` : fact.value, [fact]);
    if (claim) claims.push(claim);
  }
  return claims;
}
