import { describe, expect, it } from 'vitest';
import { CITATION_QUOTE_MAX } from '../../../../common/battlecard-sections';
import { checkQuote, quoteFeedback, selectionToQuote } from './quote-match';

const content = 'Acme Cloud costs $49 per seat.\nSSO is only on the Enterprise plan.';

describe('checkQuote', () => {
  it('finds an exact substring and where it starts', () => {
    expect(checkQuote(content, 'costs $49 per seat')).toEqual({ status: 'exact', index: 11 });
  });

  it('rejects empty, too short and too long quotes before looking', () => {
    expect(checkQuote(content, '')).toEqual({ status: 'empty' });
    expect(checkQuote(content, 'SS')).toEqual({ status: 'too_short' });
    expect(checkQuote('x'.repeat(2000), 'x'.repeat(CITATION_QUOTE_MAX + 1))).toEqual({
      status: 'too_long',
    });
  });

  it('tells near misses apart: whitespace, then case', () => {
    expect(checkQuote(content, 'per seat. SSO is')).toEqual({ status: 'whitespace' });
    expect(checkQuote(content, 'sso is only')).toEqual({ status: 'case' });
    expect(checkQuote(content, 'costs $59')).toEqual({ status: 'missing' });
  });

  it('has a sentence for every outcome', () => {
    expect(quoteFeedback({ status: 'exact', index: 0 })).toMatch(/exact match/i);
    expect(quoteFeedback({ status: 'missing' })).toMatch(/not found/i);
  });
});

describe('selectionToQuote', () => {
  it('trims what the browser selected, which stays a substring', () => {
    const quote = selectionToQuote('  SSO is only\n');
    expect(quote).toBe('SSO is only');
    expect(checkQuote(content, quote).status).toBe('exact');
  });
});
