import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentAnalysisOutputSchema, type Fact } from '../contracts';
import { analyzeContent } from './content-analysis';

const has = (facts: Fact[], category: Fact['category'], value: string | RegExp) =>
  facts.some(
    (f) =>
      f.category === category &&
      (typeof value === 'string' ? f.value === value : value.test(f.value)),
  );

function check(text: string, kind?: 'webpage' | 'win_loss' | 'call_snippet' | 'note') {
  const out = analyzeContent({ text, kind });
  expect(ContentAnalysisOutputSchema.parse(out)).toEqual(out);
  for (const f of out.facts) expect(text.includes(f.quote)).toBe(true);
  return out.facts;
}

describe('content_analysis (local)', () => {
  it('reads plan cards: price, unit, period, billing term and the plan heading above them', () => {
    const facts = check(
      'Starter\n$19 per user/month\n- Up to 5 projects\n\nPro\n€49/user/mo, billed annually\n- Unlimited projects\n\nEnterprise\nContact sales for custom pricing.\n\nStart a 14-day free trial.',
    );
    expect(has(facts, 'pricing', 'Starter plan: $19 per user/month')).toBe(true);
    expect(has(facts, 'pricing', 'Pro plan: €49 per user/month, billed annually')).toBe(true);
    expect(has(facts, 'pricing', 'Enterprise plan: custom pricing (contact sales)')).toBe(true);
    expect(has(facts, 'pricing', '14-day free trial')).toBe(true);
    expect(has(facts, 'feature', 'Unlimited projects')).toBe(true);
  });

  it('reads prices written with codes, words and separators', () => {
    const facts = check(
      'The Business tier costs USD 1,299 per year. Teams pay 45 euros a month per seat on the Growth plan.',
    );
    expect(has(facts, 'pricing', 'Business plan: $1,299 per year')).toBe(true);
    expect(has(facts, 'pricing', /Growth plan: €45 per (seat\/month|month)/)).toBe(true);
  });

  it('does not take funding or revenue for a price', () => {
    const facts = check(
      'Acme raised $40M in a Series B led by Foundry Ventures. Revenue grew to $12M.',
    );
    expect(facts.filter((f) => f.category === 'pricing')).toEqual([]);
    expect(has(facts, 'company', 'Raised $40M Series B led by Foundry Ventures')).toBe(true);
  });

  it('reads company facts', () => {
    const facts = check(
      'Founded in 2016 and headquartered in Austin, Texas, Acme has a team of 120. Over 300 employees work across four offices.',
    );
    expect(has(facts, 'company', 'Founded in 2016')).toBe(true);
    expect(has(facts, 'company', 'Headquartered in Austin, Texas')).toBe(true);
    expect(has(facts, 'company', '120 employees')).toBe(true);
    expect(has(facts, 'company', '300 employees')).toBe(true);
  });

  it('reads certifications, and a missing one as a weakness', () => {
    const facts = check(
      'We hold a SOC2 Type 2 report and ISO/IEC 27001:2022 certification. HIPAA: we sign BAAs. We do not support SCIM yet.',
    );
    expect(has(facts, 'compliance', 'SOC 2 Type II')).toBe(true);
    expect(has(facts, 'compliance', 'ISO 27001')).toBe(true);
    expect(has(facts, 'compliance', 'HIPAA')).toBe(true);
    expect(has(facts, 'weakness', 'No SCIM')).toBe(true);
    expect(has(facts, 'compliance', 'SCIM')).toBe(false);
  });

  it('reads integration lists and customer lists without mixing them up', () => {
    const facts = check(
      'Acme integrates with Slack, Jira, Zendesk and Pipedrive. Customers include Northwind Traders, Globex and Initech.',
    );
    for (const name of ['Slack', 'Jira', 'Zendesk', 'Pipedrive'])
      expect(has(facts, 'integration', name)).toBe(true);
    for (const name of ['Northwind Traders', 'Globex', 'Initech'])
      expect(has(facts, 'customer', name)).toBe(true);
    expect(has(facts, 'customer', 'Slack')).toBe(false);
  });

  it('reads win/loss notes as the competitor’s strengths and weaknesses', () => {
    const facts = check(
      'Lost to Acme because their reporting is stronger.\nWe won the Globex deal because Acme lacks SSO.\nCons: expensive, clunky admin',
      'win_loss',
    );
    expect(has(facts, 'strength', /reporting is stronger/)).toBe(true);
    expect(has(facts, 'weakness', 'No SSO (SAML)')).toBe(true);
    expect(has(facts, 'weakness', /expensive, clunky admin/)).toBe(true);
  });

  it('never throws, and every quote is an exact substring, on arbitrary unicode text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 40 }),
            fc.constantFrom(
              '$49/user/mo',
              'SOC 2',
              '\n',
              'Pro plan',
              'integrates with Slack, ',
              '€',
              ' raised $5M',
              '2019',
            ),
          ),
          { maxLength: 30 },
        ),
        (parts) => {
          check(parts.join(' '));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is deterministic', () => {
    const text = 'Pro\n$49 per seat per month\nTrusted by Globex and Initech. SOC 2 Type II.';
    expect(analyzeContent({ text })).toEqual(analyzeContent({ text }));
  });
});
