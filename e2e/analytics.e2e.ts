/**
 * Analytics on the demo workspace: a seller's card view and copied response show up, the
 * charts draw with data, the win-rate table downloads as CSV — at 1280 px and at 390 px.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navigate, signIn } from './auth-flows';
import {
  launchBrowser,
  newPage,
  saveScreenshot,
  startDemoServer,
  type RunningServer,
  type ViewportName,
} from './harness';

let server: RunningServer;
let demo: { email: string; password: string };
let browser: Browser;

beforeAll(async () => {
  ({ server, signIn: demo } = await startDemoServer());
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const overflowOf = (page: Page) =>
  page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );

async function openAnalytics(page: Page, viewport: ViewportName) {
  await navigate(page, 'Analytics');
  await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
  // The figures arrive: the tiles hold numbers, the charts draw.
  await page.getByTestId('overview-publishedBattlecards').waitFor();
  await page.locator('.recharts-surface').first().waitFor();
  expect(await overflowOf(page), `analytics overflows at ${viewport}`).toBeLessThanOrEqual(0);
}

describe.each(['desktop', 'phone'] as const)('analytics at %s', (viewport) => {
  it('counts a card view and shows charts and tables; CSV downloads', async () => {
    const { context, page, errors } = await newPage(browser, viewport);
    try {
      await page.goto(`${server.baseUrl}/sign-in`);
      await signIn(page, demo);
      await page.goto(`${server.baseUrl}/battlecards`);
      const firstCard = page.locator('a[href^="/battlecards/"]').first();
      await firstCard.click();
      await page.waitForURL(/\/battlecards\/[0-9a-f-]{36}$/);
      await page.getByTestId('claim').first().waitFor();

      await openAnalytics(page, viewport);
      // Views are written in batches every ~2 s: the figure updates on the next fetch.
      await expect
        .poll(
          async () => {
            await page.reload();
            await page.getByTestId('overview-activeUsers').waitFor();
            return Number(await page.getByTestId('overview-activeUsers').innerText());
          },
          { timeout: 20_000, interval: 1_000 },
        )
        .toBeGreaterThanOrEqual(1);

      const winRates = page.getByRole('region', { name: 'Win rates' });
      await winRates.getByRole('table').waitFor();
      const download = page.waitForEvent('download');
      await winRates.getByRole('button', { name: 'Download Win rates as CSV' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(
        /^ringside-win-rates-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
      );
      const csv = await readFile(await file.path(), 'utf8');
      expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Competitor,Won,Lost,Win rate');
      expect(csv.split('\r\n').length).toBeGreaterThan(2);

      // The demo user owns the workspace: live figures arrive over /ws within a few seconds.
      const live = page.getByTestId('live-metrics');
      await live.getByText('Live', { exact: true }).waitFor({ timeout: 20_000 });
      expect(
        Number(await page.getByTestId('live-Active people').innerText()),
      ).toBeGreaterThanOrEqual(1);
      expect(await page.getByTestId('live-API response time').innerText()).toMatch(/^\d+ ms$/);

      await page.evaluate('window.scrollTo(0, 0)');
      await saveScreenshot(page, `analytics-${viewport}`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
