import { describe, expect, it } from 'vitest';
import { withItems } from './use-paged-list';

describe('withItems', () => {
  it('lists the rows of every loaded page in order and keeps the pages', () => {
    const data = {
      pages: [
        { items: ['a', 'b'], nextCursor: 'c1' },
        { items: ['c'], nextCursor: null },
      ],
      pageParams: [undefined, 'c1'],
    };
    const result = withItems(data);
    expect(result.items).toEqual(['a', 'b', 'c']);
    expect(result.pages).toBe(data.pages);
    expect(result.pageParams).toBe(data.pageParams);
  });

  it('gives no rows when the only page is empty', () => {
    expect(
      withItems({ pages: [{ items: [], nextCursor: null }], pageParams: [undefined] }).items,
    ).toEqual([]);
  });
});
