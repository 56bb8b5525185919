import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from './auth-flows';
import {
  launchBrowser,
  newPage,
  repoRoot,
  saveScreenshot,
  startServer,
  type RunningServer,
  type ViewportName,
} from './harness';

describe('web shell', () => {
  let server!: RunningServer;
  let browser!: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    // beforeAll may have failed part-way; clean up whatever started.
    const started = { server, browser } as { server?: RunningServer; browser?: Browser };
    await started.browser?.close();
    await started.server?.stop();
  });

  for (const viewport of ['desktop', 'phone'] satisfies ViewportName[]) {
    it(`home, navigation and 404 work at the ${viewport} size`, async () => {
      const { context, page, errors } = await newPage(browser, viewport);
      try {
        // Signed out, the app starts at sign-in.
        await page.goto(server.baseUrl + '/');
        await page.waitForURL(`${server.baseUrl}/sign-in`);
        const appBar = page.getByTestId('app-bar');
        await appBar.waitFor();
        expect(await appBar.getByText('Ringside', { exact: true }).isVisible()).toBe(true);
        expect(await page.title()).toBe('Sign in · Ringside');

        await page.getByRole('link', { name: 'Create a workspace' }).click();
        await signUp(
          page,
          {
            name: 'Sam Shell',
            email: `sam-${viewport}@shell.example`,
            password: 'tangerine nebula ferry',
          },
          'Shell Test',
        );
        await page.waitForURL(`${server.baseUrl}/`);
        expect(await page.title()).toBe('Home · Ringside');

        // System status reaches "healthy" with the database up.
        await page.getByTestId('system-status-overall').filter({ hasText: 'Healthy' }).waitFor();
        if (viewport === 'desktop' && process.env.UPDATE_DOCS_SCREENSHOT === '1') {
          // The README picture: exactly what a 1280×800 window shows.
          await page.mouse.move(0, 0);
          await saveScreenshot(page, 'readme', {
            fullPage: false,
            file: path.join(repoRoot, 'docs', 'screenshot.png'),
          });
        }
        const database = page.getByTestId('check-database');
        expect(await database.getAttribute('data-status')).toBe('up');
        expect(await database.getByText('Up', { exact: true }).isVisible()).toBe(true);

        // Navigation: permanent drawer on wide screens, behind the menu button on phones.
        const homeLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
          name: 'Home',
        });
        if (viewport === 'phone') {
          expect(await homeLink.isVisible()).toBe(false);
          await page.getByRole('button', { name: 'Open navigation' }).click();
          await homeLink.waitFor();
          expect(await homeLink.getAttribute('aria-current')).toBe('page');
          await page.keyboard.press('Escape');
          await homeLink.waitFor({ state: 'hidden' });
        } else {
          expect(await homeLink.isVisible()).toBe(true);
          expect(await homeLink.getAttribute('aria-current')).toBe('page');
          expect(await page.getByRole('button', { name: 'Open navigation' }).count()).toBe(0);
        }

        // Nothing overflows sideways at this width.
        // (A string, because this file is type-checked without the DOM library.)
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await page.mouse.move(0, 0);
        await saveScreenshot(page, `shell-home-${viewport}`);

        // An unknown client route renders the 404 page inside the layout.
        await page.goto(server.baseUrl + '/no/such/page');
        await page.getByTestId('not-found').waitFor();
        expect(await page.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
        expect(await appBar.isVisible()).toBe(true);
        await saveScreenshot(page, `not-found-${viewport}`);

        await page.getByRole('link', { name: 'Go to Home' }).click();
        await page.waitForURL(`${server.baseUrl}/`);

        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('answers unknown API paths with a JSON 404, not the web app', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/does-not-exist`, {
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error?: { code?: unknown; requestId?: unknown } };
    expect(typeof body.error?.code).toBe('string');
    expect(typeof body.error?.requestId).toBe('string');
  });

  it('serves the web app for client routes', async () => {
    const response = await fetch(`${server.baseUrl}/some/client/route`, {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<div id="root">');
  });
});
