import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../common/search';
import {
  displayOrder,
  groupResults,
  moveActive,
  resultLines,
  tidySnippet,
  withEllipsis,
} from './search-results';

function result(type: SearchResult['type'], n: number, extra: Partial<SearchResult> = {}) {
  return {
    type,
    id: `00000000-0000-4000-8000-00000000000${n}`,
    title: `${type} ${n}`,
    snippet: [],
    rank: 1 / n,
    competitor: null,
    battlecardId: null,
    section: null,
    href: `/x/${n}`,
    ...extra,
  } satisfies SearchResult;
}

describe('groupResults', () => {
  it('groups by type in a fixed order, keeping rank order inside each group', () => {
    const items = [result('claim', 1), result('competitor', 2), result('claim', 3)];
    const groups = groupResults(items);
    expect(groups.map((g) => [g.label, g.items.map((i) => i.title)])).toEqual([
      ['Competitors', ['competitor 2']],
      ['Claims', ['claim 1', 'claim 3']],
    ]);
    expect(displayOrder(groups).map((i) => i.title)).toEqual([
      'competitor 2',
      'claim 1',
      'claim 3',
    ]);
  });
});

describe('tidySnippet', () => {
  it('drops empty pieces and merges neighbours with the same match flag', () => {
    expect(
      tidySnippet([
        { text: 'Their ', match: false },
        { text: '', match: true },
        { text: 'SSO', match: true },
        { text: ' tax', match: true },
        { text: ' is', match: false },
        { text: ' high', match: false },
      ]),
    ).toEqual([
      { text: 'Their ', match: false },
      { text: 'SSO tax', match: true },
      { text: ' is high', match: false },
    ]);
  });
});

describe('resultLines', () => {
  const acme = { id: '00000000-0000-4000-8000-000000000009', name: 'Acme' };
  it('leads a claim with its section and names the card once underneath', () => {
    expect(
      resultLines(
        result('claim', 1, {
          competitor: acme,
          section: 'how_we_win',
          title: 'Acme — enterprise battlecard · How we win',
        }),
      ),
    ).toEqual({ primary: 'How we win', secondary: 'Acme — enterprise battlecard' });
  });
  it('adds the competitor to a claim whose card title does not name it', () => {
    expect(
      resultLines(result('claim', 1, { competitor: acme, section: 'pricing', title: 'Q3 card' })),
    ).toEqual({ primary: 'Pricing', secondary: 'Acme · Q3 card' });
  });
  it('does not repeat a competitor under its own name, and passes unknown sections through', () => {
    expect(resultLines(result('competitor', 1, { competitor: acme, title: 'Acme' }))).toEqual({
      primary: 'Acme',
      secondary: '',
    });
    expect(resultLines(result('claim', 1, { section: 'future', title: 'Card' }))).toEqual({
      primary: 'future',
      secondary: 'Card',
    });
  });
  it('names the competitor under evidence', () => {
    expect(resultLines(result('evidence', 1, { competitor: acme, title: 'G2 review' }))).toEqual({
      primary: 'G2 review',
      secondary: 'Acme',
    });
  });
});

describe('withEllipsis', () => {
  const cut = [
    { text: 'Acme wins ', match: false },
    { text: 'enterprise', match: true },
    { text: ' shortlists. Sells', match: false },
  ];
  it('marks a snippet cut mid-sentence', () => {
    expect(withEllipsis(cut, 'competitor').at(-1)).toEqual({ text: '…', match: false });
  });
  it('leaves whole sentences, empty snippets and battlecard snippets alone', () => {
    const whole = [{ text: 'Acme wins shortlists.', match: false }];
    expect(withEllipsis(whole, 'claim')).toBe(whole);
    expect(withEllipsis([], 'evidence')).toEqual([]);
    expect(withEllipsis(cut, 'battlecard')).toBe(cut);
  });
});

describe('moveActive', () => {
  it('moves and wraps in both directions', () => {
    expect(moveActive(-1, 3, 1)).toBe(0);
    expect(moveActive(-1, 3, -1)).toBe(2);
    expect(moveActive(2, 3, 1)).toBe(0);
    expect(moveActive(0, 3, -1)).toBe(2);
    expect(moveActive(0, 0, 1)).toBe(-1);
  });
});
