import { describe, expect, it } from 'vitest';
import type { BattlecardDiff, Claim } from '../../../../common/battlecards';
import { describeFieldChanges, diffCounts, groupDiffBySection } from './diff-groups';

function claim(id: string, overrides: Partial<Claim> = {}): Claim {
  return {
    id,
    text: `Claim ${id}`,
    audience: 'internal',
    confidence: 0.7,
    stale: false,
    staleReason: null,
    verifiedBy: null,
    verifiedAt: null,
    citations: [],
    ...overrides,
  };
}

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

const diff: BattlecardDiff = {
  from: 1,
  to: 2,
  added: [
    { section: 'pricing', claim: claim(id(1)) },
    { section: 'overview', claim: claim(id(2)) },
  ],
  removed: [{ section: 'pricing', claim: claim(id(3)) }],
  changed: [
    {
      claimId: id(4),
      section: 'objections',
      before: claim(id(4)),
      after: claim(id(4), { audience: 'shareable', confidence: 0.9 }),
      fields: ['audience', 'confidence'],
    },
  ],
  meta: [{ field: 'title', before: 'Old', after: 'New' }],
};

describe('groupDiffBySection', () => {
  it('groups added, removed and changed claims by section in reading order', () => {
    const groups = groupDiffBySection(diff);
    expect(groups.map((g) => g.key)).toEqual(['overview', 'objections', 'pricing']);
    const pricing = groups[2]!;
    expect(pricing.title).toBe('Pricing');
    expect(pricing.added.map((c) => c.id)).toEqual([id(1)]);
    expect(pricing.removed.map((c) => c.id)).toEqual([id(3)]);
    expect(groups[1]!.changed).toHaveLength(1);
  });

  it('is empty for a diff without claim changes', () => {
    expect(groupDiffBySection({ ...diff, added: [], removed: [], changed: [] })).toEqual([]);
  });
});

describe('diffCounts', () => {
  it('counts each kind and the total including title/segment changes', () => {
    expect(diffCounts(diff)).toEqual({ added: 2, removed: 1, changed: 1, total: 5 });
  });
});

describe('describeFieldChanges', () => {
  it('describes the changes the word diff does not show', () => {
    expect(describeFieldChanges(diff.changed[0]!)).toEqual([
      'Audience: Internal only → Shareable',
      'Confidence: 70% → 90%',
    ]);
  });

  it('covers citations, moves, staleness and unknown fields; skips text and response', () => {
    const change = {
      claimId: id(5),
      section: 'weaknesses' as const,
      before: claim(id(5)),
      after: claim(id(5), {
        stale: true,
        citations: [
          {
            evidenceId: id(6),
            quote: 'abc',
            url: null,
            capturedAt: '2025-01-01T00:00:00.000Z',
            title: 'Pricing page',
          },
        ],
      }),
      fields: ['text', 'response', 'citations', 'section', 'stale', 'owner'],
    };
    expect(describeFieldChanges(change)).toEqual([
      'Citations: 0 → 1',
      'Moved to Their weaknesses',
      'Marked stale',
      'Owner changed',
    ]);
  });
});
