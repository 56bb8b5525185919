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
const LEADING_DATE = /^(\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})\b/;

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
    const dated = date && !LEADING_DATE.test(fact.value) ? `${date}: ${fact.value}` : fact.value;
    const claim = makeClaim('news', dated, [fact]);
    if (claim) claims.push(claim);
  }
  return claims;
}
