/**
 * Generation from the UI on the demo workspace: an editor opens Helpforge's battlecards,
 * generates a card for a new segment, watches the stages arrive live in the dialog, lands on
 * the finished card and follows a citation to the evidence it quotes — at 1280 and 390 px.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './auth-flows';
import { generateAndFollow } from './generate-flow';
import { launchBrowser, newPage, startDemoServer, type RunningServer } from './harness';

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
