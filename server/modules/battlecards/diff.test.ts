import { describe, expect, it } from 'vitest';
import {
  type Claim,
  SECTION_KEYS,
  SECTION_TITLES,
  type SectionKey,
} from '../../../common/battlecards';
import { type CardSnapshot, diffSnapshots } from './diff';

const claim = (id: string, overrides: Partial<Claim> = {}): Claim => ({
  id: `00000000-0000-4000-8000-${id.padStart(12, '0')}`,
  text: `Claim ${id}`,
  audience: 'internal',
  confidence: 0.8,
  stale: false,
  staleReason: null,
  verifiedBy: null,
  verifiedAt: null,
  citations: [],
  ...overrides,
});

const citation = (quote: string, title = 'Pricing page') => ({
  evidenceId: '00000000-0000-4000-8000-0000000000ee',
  quote,
  url: null,
  capturedAt: '2026-01-01T00:00:00.000Z',
  title,
});

function snapshot(
  claims: Partial<Record<SectionKey, Claim[]>>,
  meta: Partial<Pick<CardSnapshot, 'title' | 'segment'>> = {},
): CardSnapshot {
  return {
    title: meta.title ?? 'Acme battlecard',
    segment: meta.segment ?? 'General',
    sections: SECTION_KEYS.map((key) => ({
      key,
      title: SECTION_TITLES[key],
      claims: claims[key] ?? [],
    })),
  };
}

describe('diffSnapshots', () => {
  it('finds nothing between identical states, whatever the order within a section', () => {
    const a = claim('1');
    const b = claim('2');
    const diff = diffSnapshots(snapshot({ overview: [a, b] }), snapshot({ overview: [b, a] }));
    expect(diff).toEqual({ added: [], removed: [], changed: [], meta: [] });
  });

  it('matches claims by id: added, removed, and changed with the differing fields', () => {
    const kept = claim('1');
    const gone = claim('2');
    const edited = claim('3', { response: 'Old answer', citations: [citation('$45')] });
    const fresh = claim('4');
    const diff = diffSnapshots(
      snapshot({ overview: [kept, gone], objections: [edited] }),
      snapshot({
        overview: [kept],
        // Moved, reworded answer, new confidence, stale, another quote: all reported.
        landmines: [
          { ...edited, response: 'New answer', confidence: 0.5, stale: true, citations: [] },
        ],
        news: [fresh],
      }),
    );
    expect(diff.added).toEqual([{ section: 'news', claim: fresh }]);
    expect(diff.removed).toEqual([{ section: 'overview', claim: gone }]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]).toMatchObject({
      claimId: edited.id,
      section: 'landmines',
      before: edited,
      fields: ['response', 'confidence', 'citations', 'section', 'stale'],
    });
  });

  it('reports text and audience, and a response that appears or disappears', () => {
    const c = claim('1');
    const diff = diffSnapshots(
      snapshot({ objections: [c] }),
      snapshot({
        objections: [{ ...c, text: 'Reworded', audience: 'shareable', response: 'Answer' }],
      }),
    );
    expect(diff.changed[0]!.fields).toEqual(['text', 'response', 'audience']);
  });

  it('compares citations on evidence and quote, not on the source title', () => {
    const before = claim('1', { citations: [citation('$45', 'Pricing page')] });
    const renamedSource = { ...before, citations: [citation('$45', 'Pricing (2026)')] };
    expect(
      diffSnapshots(snapshot({ pricing: [before] }), snapshot({ pricing: [renamedSource] }))
        .changed,
    ).toEqual([]);
    const reordered = claim('2', { citations: [citation('a b c'), citation('d e f')] });
    const swapped = { ...reordered, citations: [citation('d e f'), citation('a b c')] };
    expect(
      diffSnapshots(snapshot({ pricing: [reordered] }), snapshot({ pricing: [swapped] }))
        .changed[0]!.fields,
    ).toEqual(['citations']);
  });

  it('ignores verification (who vouched is not what the card says)', () => {
    const c = claim('1');
    const verified = {
      ...c,
      verifiedBy: { id: c.id, name: 'Vera' },
      verifiedAt: '2026-02-02T00:00:00.000Z',
    };
    expect(
      diffSnapshots(snapshot({ overview: [c] }), snapshot({ overview: [verified] })).changed,
    ).toEqual([]);
  });

  it('lists title and segment changes, and claims in reading order', () => {
    const [a, b, c] = [claim('1'), claim('2'), claim('3')];
    const diff = diffSnapshots(
      snapshot({}, { title: 'Old', segment: 'General' }),
      snapshot({ news: [c], overview: [b, a] }, { title: 'New', segment: 'SMB' }),
    );
    expect(diff.meta).toEqual([
      { field: 'title', before: 'Old', after: 'New' },
      { field: 'segment', before: 'General', after: 'SMB' },
    ]);
    expect(diff.added.map((x) => x.claim.id)).toEqual([b.id, a.id, c.id]);
  });
});
