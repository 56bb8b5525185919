/**
 * The export menu on a battlecard, in the browser: a seller of the demo workspace opens the
 * Helpforge card, picks Word + Shareable and gets a .docx under the server's file name with
 * no internal claim in it; then exports a published version as PDF from the history. At 1280
 * and 390 px, with screenshots of the open menu (e2e/artifacts/export-*.png).
 */
import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthResponse } from '../common/auth';
import type { Battlecard, BattlecardSummary } from '../common/battlecards';
import type { Page as ListPage } from '../common/pagination';
import { callApi, signIn } from './auth-flows';
import {
  launchBrowser,
  newPage,
  saveScreenshot,
  startDemoServer,
  type RunningServer,
  type ViewportName,
} from './harness';

let server: RunningServer;
let browser: Browser;
let demo: { email: string; password: string };
let card: Battlecard;

beforeAll(async () => {
  const started = await startDemoServer();
  server = started.server;
  demo = started.signIn;
  browser = await launchBrowser();
  const { accessToken } = await callApi<AuthResponse>(
    server.baseUrl,
    'POST',
    '/api/v1/auth/login',
    {
      body: demo,
    },
  );
  const list = await callApi<ListPage<BattlecardSummary>>(
    server.baseUrl,
    'GET',
    '/api/v1/battlecards',
    {
      token: accessToken,
    },
  );
  const helpforge = list.items.find((c) => c.competitor.name === 'Helpforge')!;
  card = await callApi<Battlecard>(server.baseUrl, 'GET', `/api/v1/battlecards/${helpforge.id}`, {
    token: accessToken,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openCard(viewport: ViewportName): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await newPage(browser, viewport);
  await page.goto(`${server.baseUrl}/sign-in`);
  await signIn(page, demo);
  await page.goto(`${server.baseUrl}/battlecards/${card.id}`);
  await page.getByRole('heading', { name: card.title }).waitFor();
  return { page, errors };
}

const overflow = (page: Page) =>
  page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );

describe('export menu', () => {
  for (const viewport of ['desktop', 'phone'] as const) {
    it(`downloads a shareable Word file under the server's name (${viewport})`, async () => {
      const { page, errors } = await openCard(viewport);
      await page.getByRole('button', { name: 'Export' }).click();
      const menu = page.getByRole('dialog', { name: 'Export' });
      await menu.getByRole('radio', { name: /Word/ }).check();
      await menu.getByRole('radio', { name: /Shareable/ }).check();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await saveScreenshot(page, `export-menu-${viewport}`, { fullPage: false });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        menu.getByRole('button', { name: 'Download Word' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(
        'Helpforge-Mid-market-battlecard-v1-shareable.docx',
      );
      const text = (await mammoth.extractRawText({ path: await download.path() })).value;
      const claims = card.sections.flatMap((s) => s.claims);
      for (const claim of claims.filter((c) => c.audience === 'shareable')) {
        expect(text).toContain(claim.text);
      }
      for (const claim of claims.filter((c) => c.audience === 'internal')) {
        expect(text).not.toContain(claim.text);
      }
      await menu.waitFor({ state: 'hidden' });
      expect(errors).toEqual([]);
      await page.context().close();
    }, 120_000);
  }

  it('exports a published version from the history as PDF', async () => {
    const { page, errors } = await openCard('desktop');
    await page.goto(`${server.baseUrl}/battlecards/${card.id}/versions/1`);
    await page.getByRole('button', { name: 'Export version 1' }).click();
    const menu = page.getByRole('dialog', { name: 'Export version 1' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      menu.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Helpforge-Mid-market-battlecard-v1.pdf');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
