import { describe, expect, it } from 'vitest';
import type { BattlecardWriterInput, Fact, OurProduct } from '../contracts';
import { writeBattlecard } from './battlecard-writer';
import { analyzeContent } from './content-analysis';
import { buildSampleProfile, sampleUuid, type SampleFact } from './writer/sample-builder';
import { tidewell } from './writer/sample-helpforge';

/**
 * What a seller reads must be specific and right: regressions for faults found by reading
 * generated cards — a possessive listed as a customer, a mixed opinion shown as a pure
 * strength, note labels left in claims, news dated twice, and objection answers that ignore
 * our own product.
 */

function facts(
  text: string,
  kind: 'webpage' | 'win_loss' | 'document' = 'win_loss',
  publishedAt?: string,
): Fact[] {
  const out = analyzeContent({ text, kind, ...(publishedAt ? { publishedAt } : {}) });
  for (const fact of out.facts) expect(text.includes(fact.quote)).toBe(true);
  return out.facts;
}
const values = (all: Fact[], category: Fact['category']) =>
  all.filter((f) => f.category === category).map((f) => f.value);

describe('content_analysis: customer names', () => {
  it('never takes a possessive, a head count or the competitor for a customer', () => {
    const notes = facts(
      "Prospect: Ledgerly's pricing came in lower and we lost. Outcome: lost to Ledgerly.\n\nDeal: 140 agents, three regions. Outcome: lost to Helpforge.",
    );
    for (const name of values(notes, 'customer')) {
      expect(name).not.toMatch(/['’]s\b/);
      expect(name).not.toMatch(/^\d/);
    }
    const list = facts(
      'More than 3,000 teams, including Quaystone Bank, Lanternfish Games and Orbital Freight, rely on Signalpost to know first.',
      'webpage',
    );
    expect(values(list, 'customer')).toEqual([
      'Quaystone Bank',
      'Lanternfish Games',
      'Orbital Freight',
    ]);
  });

  it('reads a nationality before a company as a description, not a name', () => {
    const list = facts(
      'It serves 1,200 organisations, including Kanda Pharmaceuticals and the Chilean retailer Tienda Norte.',
      'webpage',
    );
    expect(values(list, 'customer')).toEqual(['Kanda Pharmaceuticals', 'Tienda Norte']);
  });
});

describe('content_analysis: names that are not customers or integrations', () => {
  it('skips markets and nationalities, keeps the company they describe', () => {
    const list = facts(
      'Acme is used by more than 9,000 workplaces across Europe. Customers include Brasserie Moulin and the Dutch supermarket group Versmarkt.',
      'webpage',
    );
    expect(values(list, 'customer')).toEqual(['Brasserie Moulin', 'Versmarkt']);
  });

  it('does not take a kind of system for an integration', () => {
    const found = facts(
      'The API made our integration with the HR system slow. It integrates with Xero and the ERP.',
      'webpage',
    );
    expect(values(found, 'integration')).toEqual(['Xero']);
  });
});

describe('content_analysis: opinions', () => {
  it('quotes one side of a mixed sentence, never both as one strength', () => {
    const review = facts(
      '"Customer service has been hit and miss. Chat is quick for simple things."',
    );
    expect(values(review, 'strength')).toEqual(['Chat is quick for simple things']);
    expect(values(review, 'weakness').join(' ')).not.toMatch(/Chat is quick/);
    const mixed = facts('It was easy to roll out, but indexing our Confluence took days.');
    expect(values(mixed, 'strength')).toEqual(['It was easy to roll out']);
    expect(values(mixed, 'weakness')).toEqual(['indexing our Confluence took days']);
  });

  it('drops note labels from the value and the quote', () => {
    const notes = facts(
      'Loss reason: Price. Notes: Ledgerly came in around 30% cheaper for their 90 cardholders.\n[Negotiation call, Hollis Manufacturing, 09:40] Prospect: Quillmate came in cheaper, about twelve dollars a seat.',
    );
    const strengths = notes.filter((f) => f.category === 'strength');
    expect(strengths.map((f) => f.value)).toEqual([
      'Ledgerly came in around 30% cheaper for their 90 cardholders',
      'Quillmate came in cheaper, about twelve dollars a seat',
    ]);
    for (const f of strengths) expect(f.quote).not.toMatch(/^(?:Notes|\[|Prospect)/);
  });
});

describe('content_analysis: news dates', () => {
  const release = (body: string) =>
    facts(`Acme announces expansion\n\n${body}`, 'document', '2026-09-09T08:00:00Z');

  it('dates news by the release, not by a date the sentence talks about', () => {
    const later = values(
      release(
        'In addition, Acme announced that it is expanding to Ireland, where customers can issue euro cards from January 2027.',
      ),
      'news',
    );
    expect(later).toHaveLength(1);
    expect(later[0]).toMatch(/^2026-09-09: In addition, Acme announced/);
    expect(later[0]).toMatch(/from January 2027$/);
    const founded = values(
      release('Replyloop, founded in 2022, announced a $28 million Series A led by Meridian.'),
      'news',
    );
    expect(founded[0]).toMatch(/^2026-09-09: Replyloop, founded in 2022, announced/);
  });

  it('reads a release about a product called "… Review" as news, not as a review page', () => {
    const out = analyzeContent({
      text: 'DENVER, Nov. 4, 2026 (BUSINESS WIRE) -- Pactlane today announced a $55 million Series C round led by Summit Ridge Partners.',
      title: 'Pactlane Raises $55 Million to Put AI Contract Review in Every Legal Team',
      kind: 'document',
    });
    expect(out.facts.some((f) => f.category === 'news' && f.value.includes('$55 million'))).toBe(
      true,
    );
  });

  it('drops the dateline place and wire service from the value', () => {
    const news = values(
      facts(
        'AUSTIN, Texas, October 2, 2026 /PRNewswire/ -- Signalpost, the monitoring platform, today announced it has raised $32 million in Series B funding.',
        'document',
      ),
      'news',
    );
    expect(news[0]).toMatch(
      /^October 2, 2026: Signalpost, the monitoring platform, today announced/,
    );
    const dashed = values(
      facts(
        'LEIPZIG, Germany — 22 September 2026 — Rotaly, the scheduling software, today announced a €40 million Series B.',
        'document',
      ),
      'news',
    );
    expect(dashed[0]).toMatch(
      /^22 September 2026: Rotaly, the scheduling software, today announced/,
    );
  });
});

// ── the writer, on hand-made profiles (the profile may come from any engine) ──────────────

const EVIDENCE = {
  notes: {
    id: sampleUuid(9001),
    title: 'Win/loss notes',
    capturedAt: '2026-10-01T09:00:00Z',
    text: [
      'Notes: Ledgerly came in around 30% cheaper for their 90 cardholders.',
      'Good cards, good app, but the reporting is very basic.',
      'Setup was fast and painless, but the sync kept failing.',
      "Customers include Ledgerly's partners and Bluewater Dental.",
      'In addition, Ledgerly announced that it is expanding to Ireland from January 2027.',
      'Reps love the mobile app for approving expenses on the road.',
    ].join('\n'),
  },
};

function card(sampleFacts: SampleFact[], product: OurProduct = tidewell) {
  const { profile } = buildSampleProfile(EVIDENCE, 'Spend management.', sampleFacts);
  const input: BattlecardWriterInput = {
    competitor: { name: 'Ledgerly', website: 'https://ledgerly.example', summary: '' },
    profile,
    product,
    segment: 'Mid-market',
    focusAreas: [],
  };
  return writeBattlecard(input).claims;
}
const fact = (category: SampleFact['category'], value: string, quote: string): SampleFact => ({
  category,
  value,
  confidence: 0.8,
  score: 1,
  cites: [['notes', quote]],
});

describe('battlecard writer: what a seller reads', () => {
  it('shows only the positive side of a mixed strength, and only the negative side of a mixed weakness', () => {
    const claims = card([
      fact(
        'strength',
        'Setup was fast and painless, but the sync kept failing',
        'Setup was fast and painless, but the sync kept failing.',
      ),
      fact(
        'weakness',
        'Good cards, good app, but the reporting is very basic',
        'Good cards, good app, but the reporting is very basic.',
      ),
    ]);
    const strengths = claims.filter((c) => c.section === 'strengths').map((c) => c.text);
    expect(strengths).toEqual(['Setup was fast and painless.']);
    const weaknesses = claims.filter((c) => c.section === 'weaknesses').map((c) => c.text);
    expect(weaknesses).toEqual(['The reporting is very basic.']);
  });

  it('leaves note labels out of claims', () => {
    const claims = card([
      fact(
        'strength',
        'Notes: Ledgerly came in around 30% cheaper for their 90 cardholders',
        'Notes: Ledgerly came in around 30% cheaper for their 90 cardholders.',
      ),
    ]);
    for (const claim of claims) expect(claim.text).not.toMatch(/Notes:/);
    expect(claims.find((c) => c.section === 'strengths')!.text).toBe(
      'Ledgerly came in around 30% cheaper for their 90 cardholders.',
    );
  });

  it('never lists the competitor as its own customer', () => {
    const claims = card([
      fact('customer', "Ledgerly's", "Customers include Ledgerly's partners and Bluewater Dental."),
      fact(
        'customer',
        'Bluewater Dental',
        "Customers include Ledgerly's partners and Bluewater Dental.",
      ),
    ]);
    expect(claims.filter((c) => c.section === 'customers').map((c) => c.text)).toEqual([
      'Named customer: Bluewater Dental.',
    ]);
  });

  it('dates a news item once', () => {
    const claims = card([
      fact(
        'news',
        'January 2027: Ledgerly announced that it is expanding to Ireland',
        'In addition, Ledgerly announced that it is expanding to Ireland from January 2027.',
      ),
    ]);
    const news = claims.find((c) => c.section === 'news')!.text;
    expect(news).toBe('January 2027: Ledgerly announced that it is expanding to Ireland.');
  });

  it('answers a price objection with our own price and terms', () => {
    const price = fact(
      'strength',
      'Ledgerly came in around 30% cheaper for their 90 cardholders',
      'Notes: Ledgerly came in around 30% cheaper for their 90 cardholders.',
    );
    const ours = card([price]).find((c) => c.section === 'objections')!.response!;
    expect(ours).toMatch(/\$29 per agent per month/);
    expect(ours).toMatch(/no seat minimum/);
    expect(ours).toMatch(/AI drafts are included/);
    // Another product, another answer: the response is read from the product profile.
    const other: OurProduct = {
      name: 'Tallyho',
      pitch: 'Spend management for field teams.',
      capabilities: ['Corporate cards with per-trip budgets'],
      pricing: 'Basic — €12 per user per month. No seat minimum.',
      proofPoints: [],
    };
    const theirs = card([price], other).find((c) => c.section === 'objections')!.response!;
    expect(theirs).toMatch(/Tallyho starts at €12 per user per month/);
    expect(theirs).not.toMatch(/\$29/);
  });

  it('answers a praised capability with our closest capability, not a generic line', () => {
    const claims = card(
      [
        fact(
          'strength',
          'Reps love the mobile app for approving expenses on the road',
          'Reps love the mobile app for approving expenses on the road.',
        ),
      ],
      {
        name: 'Tallyho',
        pitch: 'Spend management for field teams.',
        capabilities: [
          'Corporate cards with per-trip budgets',
          'Mobile app with one-tap expense approvals and receipt capture',
        ],
        pricing: '',
        proofPoints: [],
      },
    );
    const response = claims.find((c) => c.section === 'objections')!.response!;
    expect(response).toMatch(/mobile app with one-tap expense approvals/i);
    expect(response).not.toMatch(/how much of it they use day to day/);
  });
});
