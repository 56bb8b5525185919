/**
 * Generation from the UI on the demo workspace: an editor opens Helpforge's battlecards,
 * generates a card for a new segment, watches the stages arrive live in the dialog, lands on
 * the finished card and follows a citation to the evidence it quotes — at 1280 and 390 px.
 */
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

async function openHelpforgeCards(page: Page): Promise<void> {
  await navigate(page, 'Competitors');
  await page.getByTestId('competitor-row').filter({ hasText: 'Helpforge' }).first().click();
  await page.getByRole('heading', { name: 'Helpforge', level: 1 }).waitFor();
  await page.getByRole('tab', { name: /^Battlecards/ }).click();
}

async function generateAndFollow(page: Page, viewport: ViewportName, segment: string) {
  await openHelpforgeCards(page);
  await page.getByRole('button', { name: 'Generate' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Generate a battlecard' });
  await dialog.getByRole('textbox', { name: 'Segment' }).fill(segment);
  await saveScreenshot(page, `generate-dialog-${viewport}`);
  await dialog.getByRole('button', { name: 'Generate' }).click();

  // Stages arrive while the job runs: record every state the list passes through.
  const progress = page.getByTestId('generation-progress');
  await progress.waitFor();
  const seen = new Set<string>();
  const watch = async () => {
    for (let i = 0; i < 600 && !/\/battlecards\/[0-9a-f-]{36}$/.test(page.url()); i++) {
      const active = await progress
        .locator('[data-state="active"]')
        .getAttribute('data-stage', { timeout: 100 })
        .catch(() => null);
      if (active) seen.add(active);
      if (i === 2) await saveScreenshot(page, `generate-progress-${viewport}`).catch(() => {});
      await page.waitForTimeout(50);
    }
  };
  await watch();
  await page.waitForURL(/\/battlecards\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  expect(seen.size, [...seen].join(', ')).toBeGreaterThanOrEqual(2);

  await page
    .getByRole('heading', { name: new RegExp(`Helpforge battlecard — ${segment}`) })
    .waitFor();
  const marker = page.getByTestId('citation-marker').first();
  await marker.waitFor();
  await saveScreenshot(page, `generate-card-${viewport}`);
  await marker.click();
  await page.getByRole('link', { name: 'View evidence' }).click();
  await page.waitForURL(/\/competitors\/[0-9a-f-]{36}\/evidence\/[0-9a-f-]{36}$/);
  await page.getByRole('dialog').first().waitFor();
  await saveScreenshot(page, `generate-evidence-${viewport}`);
}

describe('generating a battlecard from the UI', () => {
  let server!: RunningServer;
  let demo!: { email: string; password: string };
  let browser!: Browser;

  beforeAll(async () => {
    const started = await startDemoServer();
    server = started.server;
    demo = started.signIn;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`at ${viewport === 'desktop' ? '1280' : '390'} px: generate, watch the stages, follow a citation`, async () => {
      const { page, errors } = await newPage(browser, viewport);
      await page.goto(server.baseUrl);
      await page.waitForURL(`${server.baseUrl}/sign-in`);
      await signIn(page, demo);
      await generateAndFollow(page, viewport, `E2E ${viewport}`);
      expect(errors).toEqual([]);
    });
  }
});
