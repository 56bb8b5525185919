import { describe, expect, it } from 'vitest';
import { CreateClaimBodySchema, SECTION_KEYS } from '../../../common/battlecards';
import { CreateCompetitorBodySchema, CreateEvidenceBodySchema } from '../../../common/competitors';
import { CreateDealBodySchema } from '../../../common/deals';
import { ProductBodySchema } from '../../../common/product';
import { DEMO_COMPETITORS, DEMO_PRODUCT } from './demo-content';
import { evidenceContent } from './demo-types';

/** The demo data on its own, before any database: the rules the API would enforce, and taste. */
describe('demo content', () => {
  const claimsOf = (c: (typeof DEMO_COMPETITORS)[number]) =>
    SECTION_KEYS.flatMap((key) => c.battlecard.sections[key].map((claim) => ({ key, claim })));

  it('has one competitor of each tier on reserved .example domains', () => {
    expect(DEMO_COMPETITORS.map((c) => c.tier).sort()).toEqual([
      'emerging',
      'primary',
      'secondary',
    ]);
    for (const c of DEMO_COMPETITORS) {
      expect(new URL(c.website).hostname).toMatch(/\.example$/);
      for (const e of c.evidence) {
        if (e.url) expect(new URL(e.url).hostname, e.title).toMatch(/(^|\.)[a-z-]+\.example$/);
      }
    }
  });

  it('passes the API body schemas', () => {
    expect(() => ProductBodySchema.parse(DEMO_PRODUCT)).not.toThrow();
    for (const c of DEMO_COMPETITORS) {
      CreateCompetitorBodySchema.parse({
        name: c.name,
        website: c.website,
        summary: c.summary,
        tier: c.tier,
        tags: c.tags,
      });
      for (const e of c.evidence) {
        CreateEvidenceBodySchema.parse({
          kind: e.kind,
          title: e.title,
          content: evidenceContent(e),
          url: e.url,
        });
      }
      for (const { key, claim } of claimsOf(c)) {
        CreateClaimBodySchema.parse({
          section: key,
          text: claim.text,
          response: claim.response,
          audience: claim.audience,
          confidence: claim.confidence,
          citations: claim.cites.map((cite) => ({
            evidenceId: '00000000-0000-4000-8000-000000000000',
            quote: cite.quote,
          })),
        });
      }
      for (const d of c.deals) {
        CreateDealBodySchema.parse({
          competitorId: '00000000-0000-4000-8000-000000000000',
          name: d.name,
          outcome: d.outcome,
          amount: d.amount,
          closedAt: new Date().toISOString(),
          reasons: d.reasons,
          objections: d.objections.map((o) => ({ text: o.text ?? 'objection' })),
          notes: d.notes,
        });
      }
    }
  });

  it('quotes every citation exactly from the evidence it names', () => {
    for (const c of DEMO_COMPETITORS) {
      const byKey = new Map(c.evidence.map((e) => [e.key, evidenceContent(e)]));
      expect(byKey.size, `${c.name}: evidence keys are unique`).toBe(c.evidence.length);
      for (const { key, claim } of claimsOf(c)) {
        expect(
          claim.cites.length,
          `${c.name}/${key}: "${claim.text}" cites nothing`,
        ).toBeGreaterThan(0);
        for (const cite of claim.cites) {
          const content = byKey.get(cite.evidence);
          expect(content, `${c.name}: unknown evidence "${cite.evidence}"`).toBeDefined();
          expect(content!.includes(cite.quote), `${c.name}/${key}: "${cite.quote}"`).toBe(true);
        }
      }
      // Every piece of evidence backs at least one claim: nothing in the demo is filler.
      const cited = new Set(claimsOf(c).flatMap(({ claim }) => claim.cites.map((x) => x.evidence)));
      expect(
        [...byKey.keys()].filter((k) => !cited.has(k)),
        c.name,
      ).toEqual([]);
    }
  });

  it('fills every section; objections and only objections carry a response', () => {
    for (const c of DEMO_COMPETITORS) {
      for (const key of SECTION_KEYS) {
        expect(c.battlecard.sections[key].length, `${c.name}/${key}`).toBeGreaterThan(0);
        for (const claim of c.battlecard.sections[key]) {
          expect(Boolean(claim.response), `${c.name}/${key}: ${claim.text}`).toBe(
            key === 'objections',
          );
        }
      }
      const audiences = new Set(claimsOf(c).map(({ claim }) => claim.audience));
      expect([...audiences].sort()).toEqual(['internal', 'shareable']);
    }
  });

  it('links deal objections to objection claims that exist', () => {
    for (const c of DEMO_COMPETITORS) {
      expect(new Set(c.deals.map((d) => d.outcome)).size, c.name).toBeGreaterThan(1);
      for (const d of c.deals) {
        for (const o of d.objections) {
          if (o.objection === undefined) expect(o.text, d.name).toBeTruthy();
          else expect(c.battlecard.sections.objections[o.objection], d.name).toBeDefined();
        }
      }
    }
  });

  it('reads like real intel: varied kinds, substantial text, dated, one stale claim', () => {
    const stale = DEMO_COMPETITORS.flatMap((c) =>
      claimsOf(c).filter(({ claim }) => claim.staleReason),
    );
    expect(stale).toHaveLength(1);
    for (const c of DEMO_COMPETITORS) {
      expect(c.evidence.length).toBeGreaterThanOrEqual(5);
      expect(new Set(c.evidence.map((e) => e.kind)).size, c.name).toBeGreaterThanOrEqual(3);
      for (const e of c.evidence) {
        const words = evidenceContent(e).split(/\s+/).length;
        expect(words, e.title).toBeGreaterThanOrEqual(120);
        expect(e.daysAgo).toBeGreaterThan(0);
        expect(e.daysAgo).toBeLessThan(90);
      }
    }
    const everything = JSON.stringify({ DEMO_PRODUCT, DEMO_COMPETITORS }).toLowerCase();
    for (const filler of ['lorem', 'ipsum', 'todo', 'tbd', 'xxx', 'acme']) {
      expect(everything).not.toContain(filler);
    }
  });
});
