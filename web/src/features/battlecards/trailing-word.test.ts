import { describe, expect, it } from 'vitest';
import { splitBeforeLastWord } from './trailing-word';

describe('splitBeforeLastWord', () => {
  it('cuts plain text before its last word', () => {
    expect(splitBeforeLastWord([{ text: 'Wins on price', match: false }])).toEqual({
      head: [{ text: 'Wins on ', match: false }],
      tail: [{ text: 'price', match: false }],
    });
  });
  it('cuts inside a segment and keeps marks on both sides', () => {
    expect(
      splitBeforeLastWord([
        { text: 'Wins on ', match: false },
        { text: 'price', match: true },
        { text: 'y deals', match: false },
      ]),
    ).toEqual({
      head: [
        { text: 'Wins on ', match: false },
        { text: 'price', match: true },
        { text: 'y ', match: false },
      ],
      tail: [{ text: 'deals', match: false }],
    });
  });
  it('keeps a marked last word whole, and a one-word text goes entirely to the tail', () => {
    expect(
      splitBeforeLastWord([
        { text: 'SSO ', match: false },
        { text: 'tax', match: true },
      ]),
    ).toEqual({ head: [{ text: 'SSO ', match: false }], tail: [{ text: 'tax', match: true }] });
    expect(splitBeforeLastWord([{ text: 'Cheap', match: false }])).toEqual({
      head: [],
      tail: [{ text: 'Cheap', match: false }],
    });
  });
  it('breaks after a line break too', () => {
    expect(splitBeforeLastWord([{ text: 'One\ntwo', match: false }])).toEqual({
      head: [{ text: 'One\n', match: false }],
      tail: [{ text: 'two', match: false }],
    });
  });
});
