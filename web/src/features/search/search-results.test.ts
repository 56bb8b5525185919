import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../common/search';
import {
  displayOrder,
  groupResults,
  moveActive,
  resultContext,
  tidySnippet,
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

describe('resultContext', () => {
  const acme = { id: '00000000-0000-4000-8000-000000000009', name: 'Acme' };
  it('names the competitor and the section title of a claim', () => {
    expect(resultContext(result('claim', 1, { competitor: acme, section: 'how_we_win' }))).toBe(
      'Acme · How we win',
    );
  });
  it('leaves out a section the title already names', () => {
    expect(
      resultContext(
        result('claim', 1, { competitor: acme, section: 'pricing', title: 'Acme card · Pricing' }),
      ),
    ).toBe('Acme');
  });
  it('does not repeat a competitor under its own name, and passes unknown sections through', () => {
    expect(resultContext(result('competitor', 1, { competitor: acme }))).toBe('');
    expect(resultContext(result('claim', 1, { section: 'future' }))).toBe('future');
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
