import { describe, expect, it } from 'vitest';
import { ChangeSummaryOutputSchema } from '../contracts';
import { summarizeChange } from './change-summary';

const pricingPage = (pro: string, updated: string, signups: string) =>
  `Pricing\n\nStarter\n$19 per user/month\n\nPro\n${pro} per user/month, billed annually\n- Unlimited projects\n- Salesforce sync\n\nEnterprise\nContact sales for custom pricing.\n\nLast updated ${updated}. ${signups} teams signed up this week.`;

function run(before: string, after: string, title?: string) {
  const out = summarizeChange({ before, after, title });
  expect(ChangeSummaryOutputSchema.parse(out)).toEqual(out);
  return out;
}

describe('change_summary (local)', () => {
  it('names a price change with both amounts and the plan', () => {
    const out = run(
      pricingPage('$49', 'March 3, 2026', '1,204'),
      pricingPage('$59', 'March 3, 2026', '1,204'),
      'Acme pricing',
    );
    expect(out.class).toBe('pricing');
    expect(out.importance).toBeGreaterThanOrEqual(0.8);
    expect(out.priceChanges).toEqual([
      { label: 'Pro plan', from: '$49 per user/month', to: '$59 per user/month' },
    ]);
    expect(out.summary).toContain('$49');
    expect(out.summary).toContain('$59');
    expect(out.summary).toContain('Pro plan');
  });

  it('scores a date- and counter-only change near zero', () => {
    const out = run(
      pricingPage('$49', 'March 3, 2026', '1,204'),
      pricingPage('$49', 'April 9, 2026', '1,377'),
    );
    expect(out.class).toBe('other');
    expect(out.importance).toBeLessThan(0.05);
    expect(out.priceChanges).toEqual([]);
  });

  it('scores a whitespace-only change zero', () => {
    const out = run('Acme  helps teams\nship.', 'Acme helps teams ship. ');
    expect(out.importance).toBe(0);
  });

  it('classes a launch as product news, high', () => {
    const out = run(
      'Acme helps revenue teams forecast.\nContact us.',
      'Acme helps revenue teams forecast.\nAcme launches Atlas, an AI-powered forecasting assistant, now available on all plans.\nContact us.',
    );
    expect(['product', 'news']).toContain(out.class);
    expect(out.importance).toBeGreaterThanOrEqual(0.6);
    expect(out.summary).toContain('Atlas');
  });

  it('classes an acquisition as news', () => {
    const out = run(
      'Acme is the forecasting company.',
      'Acme is the forecasting company. Acme acquired Parley, a meeting notes start-up.',
    );
    expect(out.class).toBe('news');
  });

  it('classes a reworded tagline as messaging, low', () => {
    const page = (tagline: string) =>
      `${tagline}\nAcme connects your CRM, your calendar and your inbox so every rep knows what to do next. Thousands of teams rely on it every day to plan their week and their quarter.`;
    const out = run(page('Forecast with confidence.'), page('Forecast without the guesswork.'));
    expect(out.class).toBe('messaging');
    expect(out.importance).toBeLessThan(0.3);
  });

  it('notices hiring', () => {
    const out = run(
      'About us\nWe build tools.',
      'About us\nWe build tools.\nWe are hiring: 12 open roles in engineering.',
    );
    expect(out.class).toBe('hiring');
  });

  it('is deterministic', () => {
    const a = pricingPage('$49', 'March 3, 2026', '1,204');
    const b = pricingPage('€45', 'May 1, 2026', '99');
    expect(summarizeChange({ before: a, after: b })).toEqual(
      summarizeChange({ before: a, after: b }),
    );
  });
});
