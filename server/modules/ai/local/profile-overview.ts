import type { CompetitorRef, ProfileFact } from '../contracts';

/** Joins names as prose: "A", "A and B", "A, B and C". */
function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/**
 * Two to four sentences from the profile's own top facts: what the company is, its pricing
 * posture, its compliance, its notable customers. Nothing that is not a fact is said.
 */
export function writeOverview(competitor: CompetitorRef, facts: ProfileFact[]): string {
  const name = competitor.name.trim() || 'This competitor';
  const top = (category: ProfileFact['category'], n: number) =>
    facts
      .filter(
        (f) =>
          f.category === category &&
          (f.conflictKey === null || facts.find((g) => g.conflictKey === f.conflictKey) === f),
      )
      .slice(0, n)
      .map((f) => f.value);
  const sentences: string[] = [];

  const company = top('company', 4).map(lowerFirst);
  if (company.length > 0) sentences.push(`${name}: ${list(company)}.`);
  const pricing = top('pricing', 3);
  if (pricing.length > 0) sentences.push(`Pricing: ${pricing.join('; ')}.`);
  const compliance = top('compliance', 5);
  if (compliance.length > 0) sentences.push(`Security and compliance: ${list(compliance)}.`);
  const customers = top('customer', 4);
  if (customers.length > 0) sentences.push(`Named customers include ${list(customers)}.`);
  if (sentences.length < 4) {
    const integrations = top('integration', 4);
    if (integrations.length > 0) sentences.push(`Integrates with ${list(integrations)}.`);
  }
  if (sentences.length < 2) {
    const strength = top('strength', 1)[0];
    const weakness = top('weakness', 1)[0];
    if (strength) sentences.push(`Praised for: ${strength}.`);
    if (weakness) sentences.push(`Criticised for: ${weakness}.`);
  }
  if (sentences.length === 0) return `No facts have been extracted from ${name}'s evidence yet.`;
  if (sentences.length === 1)
    sentences.push(
      `${facts.length} fact${facts.length === 1 ? '' : 's'} on file from the evidence.`,
    );
  return sentences.slice(0, 4).join(' ').slice(0, 2000);
}
