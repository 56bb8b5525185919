/**
 * The core product end to end, on the demo workspace a first `npm start` creates: a new user
 * signs in with the printed password, finds a competitor with global search, opens its
 * battlecard, copies an objection response, edits a claim, publishes, and reads the diff in
 * the version history — at 1280 px with Ctrl+K and at 390 px with the top-bar search button.
 *
 * One demo server for the file. Each test works on a different competitor's card, so neither
 * depends on the other or on their order.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

/** Horizontal overflow of the document, in pixels (a string: this file has no DOM types). */
function overflowOf(page: Page): Promise<number> {
  return page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
}

/**
 * Screenshot e2e/artifacts/core-<name>-<viewport>.png, after checking nothing overflows
 * sideways: the whole page from its top, or with `window`, what the screen shows now (for
 * dialogs and for a state in the middle of a long page).
 */
async function shoot(
  page: Page,
  name: string,
  viewport: ViewportName,
  options: { window?: boolean } = {},
): Promise<void> {
  await page.mouse.move(0, 0);
  const overflow = await overflowOf(page);
  expect(overflow, `${name} overflows sideways at ${viewport}`).toBeLessThanOrEqual(0);
  // A full-page shot of a scrolled page draws the fixed top bar in the middle of it.
  if (!options.window) await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, `core-${name}-${viewport}`, { fullPage: !options.window });
}

const readClipboard = (page: Page) => page.evaluate<string>('navigator.clipboard.readText()');

/** Lets the page use the clipboard API without a prompt, as a user who allowed it would. */
async function allowClipboard(context: BrowserContext, origin: string): Promise<void> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
}

/** The longest word of `before` that `after` lacks: what the diff must show as removed. */
function removedWord(before: string, after: string): string {
  const kept = new Set(after.toLowerCase().match(/[a-z]+/g));
  const gone = (before.match(/[A-Za-z]{5,}/g) ?? []).filter((w) => !kept.has(w.toLowerCase()));
  const longest = gone.sort((a, b) => b.length - a.length)[0];
  if (!longest) throw new Error(`no word of “${before}” is missing from “${after}”`);
  return longest;
}

/** On the competitors list: the demo's three rivals. */
async function expectDemoCompetitors(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Competitors', level: 1 }).waitFor();
  const rows = page.getByTestId('competitor-row');
  await rows.filter({ hasText: 'Replyloop' }).waitFor();
  const names = await rows.allInnerTexts();
  expect(names).toHaveLength(3);
  for (const name of ['Helpforge', 'Querybird', 'Replyloop']) {
    expect(names.some((text) => text.includes(name))).toBe(true);
  }
}

/** In the open search dialog: types `prefix` and waits until `name` is the highlighted competitor. */
async function searchCompetitor(page: Page, prefix: string, name: string) {
  const dialog = page.getByRole('dialog', { name: 'Search' });
  const input = dialog.getByRole('combobox', { name: 'Search everything' });
  await input.waitFor();
  // Focus moved into the dialog: typing goes straight into the box.
  await page.keyboard.type(prefix);
  expect(await input.inputValue()).toBe(prefix);
  const competitors = dialog.getByRole('group', { name: 'Competitors' });
  const result = competitors.getByRole('option', { name: new RegExp(`^${name}`) });
  await result.and(dialog.getByRole('option', { selected: true })).waitFor();
  return { dialog, result };
}

/** From a competitor page (overview): opens its published battlecard; returns its title. */
async function openBattlecard(page: Page, competitor: string): Promise<string> {
  const open = page.getByRole('link', { name: new RegExp(`^Open ${competitor}`) });
  const title = ((await open.getAttribute('aria-label')) ?? '').replace(/^Open /, '');
  expect(title).toContain(competitor);
  await open.click();
  await page.waitForURL(/\/battlecards\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  return title;
}

/** On a card's read view: copies the first objection response; checks the clipboard. */
async function copyFirstResponse(page: Page): Promise<string> {
  const objections = page.getByTestId('section-objections');
  const copy = page.getByRole('button', { name: 'Copy response' });
  const claim = objections.getByTestId('claim').filter({ has: copy }).first();
  const shown = await claim
    .getByText(/^response$/i)
    .locator('xpath=following-sibling::*[1]')
    .innerText();
  expect(shown.length).toBeGreaterThan(20);
  // Something else on the clipboard first, so a copy that does nothing cannot pass.
  await page.evaluate('navigator.clipboard.writeText("not the response")');
  await claim.getByRole('button', { name: 'Copy response' }).click();
  await page.getByText('Response copied').waitFor();
  // The button confirms too (its name stays "Copy response").
  await claim
    .getByRole('button', { name: 'Copy response' })
    .filter({ hasText: 'Copied' })
    .waitFor();
  expect(await readClipboard(page)).toBe(shown);
  return shown;
}

/** In the editor: replaces the first "How we win" claim's text; returns the old text. */
async function editFirstHowWeWinClaim(page: Page, newText: string): Promise<string> {
  const section = page.getByTestId('edit-section-how_we_win');
  await section
    .getByTestId('editable-claim')
    .first()
    .getByRole('button', { name: 'Edit claim' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Edit claim' });
  const text = dialog.getByRole('textbox', { name: /^Claim/ });
  const before = await text.inputValue();
  expect(before.length).toBeGreaterThan(10);
  await text.fill(newText);
  return before;
}

async function saveClaim(page: Page, newText: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Edit claim' });
  await dialog.getByRole('button', { name: 'Save claim' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('Claim saved').waitFor();
  await page.getByTestId('edit-section-how_we_win').getByText(newText).waitFor();
}

/** In the editor: publishes the draft as version 2 with `note`. */
async function publishVersion2(page: Page, note: string): Promise<void> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish version 2' });
  await dialog.getByRole('textbox', { name: 'What changed? (optional)' }).fill(note);
  await dialog.getByRole('button', { name: 'Publish version 2' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('Published version 2').waitFor();
  // Nothing left to publish.
  expect(await page.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(true);
}

/** On the version history: versions 1 and 2, and the diff of the one changed claim. */
async function expectVersionDiff(
  page: Page,
  change: { before: string; after: string; marker: string; note: string },
): Promise<void> {
  await page.waitForURL(/\/battlecards\/[0-9a-f-]{36}\/versions$/);
  await page.getByRole('heading', { name: 'Version history', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Versions (2)' }).waitFor();
  const v2 = page.getByTestId('version-2');
  expect(await v2.innerText()).toContain('Latest');
  expect(await v2.innerText()).toContain(change.note);
  expect(await page.getByTestId('version-1').innerText()).toContain('Version 1');

  // By default the page compares the last publish with the one before it.
  const summary = page.getByTestId('diff-summary');
  await summary.filter({ hasText: '1 changed' }).waitFor();
  expect(await summary.innerText()).toMatch(/0 added[\s\S]*0 removed/);
  const changed = page.getByTestId('diff-changed');
  expect(await changed.count()).toBe(1);
  const inserted = (await changed.locator('ins').allInnerTexts()).join(' ');
  const deleted = (await changed.locator('del').allInnerTexts()).join(' ');
  expect(inserted).toContain(change.marker);
  expect(deleted).toContain(removedWord(change.before, change.after));
  expect(deleted).not.toContain(change.marker);
}

describe('core product on the demo workspace', () => {
  let server!: RunningServer;
  let demo!: { email: string; password: string };
  let browser!: Browser;

  beforeAll(async () => {
    // Exactly what `npm install && npm start` does on a new machine: no database yet.
    const started = await startDemoServer({ fresh: true });
    server = started.server;
    demo = started.signIn;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    const started = { server, browser } as { server?: RunningServer; browser?: Browser };
    await started.browser?.close();
    await started.server?.stop();
  });

  it('prints a demo sign-in that works', () => {
    expect(demo.email).toBe('demo@ringside.local');
    expect(demo.password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  });

  it('at 1280 px: Ctrl+K to a competitor, copy a response, edit, publish, see the diff', async () => {
    const viewport = 'desktop';
    const { context, page, errors } = await newPage(browser, viewport);
    await allowClipboard(context, server.baseUrl);
    const marker = `desk${Date.now().toString(36)}`;
    const newText = `Tidewell includes AI drafts in every plan, so year two costs what year one did (${marker}).`;
    try {
      await page.goto(server.baseUrl);
      await page.waitForURL(`${server.baseUrl}/sign-in`);
      await signIn(page, demo);
      expect(await page.getByTestId('workspace-switcher').innerText()).toContain('Ringside demo');

      await navigate(page, 'Competitors');
      await expectDemoCompetitors(page);
      await shoot(page, 'competitors', viewport);

      // Ctrl+K from anywhere; the keyboard alone picks the competitor.
      await page.keyboard.press('Control+K');
      const { dialog } = await searchCompetitor(page, 'Helpf', 'Helpforge');
      await shoot(page, 'search', viewport, { window: true });
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      await page.waitForURL(/\/competitors\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: 'Helpforge', level: 1 }).waitFor();
      await page.getByRole('link', { name: /^Open Helpforge/ }).waitFor();
      await shoot(page, 'competitor', viewport);

      const title = await openBattlecard(page, 'Helpforge');
      await page.getByTestId('section-how_we_win').waitFor();
      await shoot(page, 'battlecard', viewport);
      await copyFirstResponse(page);
      await shoot(page, 'battlecard-copied', viewport, { window: true });

      await page.getByRole('link', { name: 'Edit', exact: true }).click();
      await page.waitForURL(/\/battlecards\/[0-9a-f-]{36}\/edit$/);
      await page.getByRole('heading', { name: `Editing: ${title}`, level: 1 }).waitFor();
      // Published and unchanged: nothing to publish yet.
      expect(await page.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(
        true,
      );
      await shoot(page, 'editor', viewport);
      const before = await editFirstHowWeWinClaim(page, newText);
      await shoot(page, 'claim-dialog', viewport, { window: true });
      await saveClaim(page, newText);
      const note = `Sharper pricing proof (${marker})`;
      await publishVersion2(page, note);

      await page.getByRole('link', { name: 'Version history' }).click();
      await expectVersionDiff(page, { before, after: newText, marker, note });
      await shoot(page, 'version-diff', viewport);

      // Sellers now read the new claim, and the old one is gone from the card.
      await page.getByRole('link', { name: 'Back to card' }).click();
      await page.getByTestId('section-how_we_win').getByText(newText).waitFor();
      expect(await page.getByTestId('section-how_we_win').getByText(before).count()).toBe(0);

      expect(errors).toEqual([]);
    } catch (error) {
      await saveScreenshot(page, `failed-core-${viewport}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('at 390 px: the search button to a card, copy a response, edit, publish, see the diff', async () => {
    const viewport = 'phone';
    const { context, page, errors } = await newPage(browser, viewport);
    await allowClipboard(context, server.baseUrl);
    const marker = `phone${Date.now().toString(36)}`;
    const newText = `Querybird bills every bot answer; Tidewell plans include them (${marker}).`;
    try {
      await page.goto(`${server.baseUrl}/sign-in`);
      await signIn(page, demo);

      await navigate(page, 'Competitors');
      await expectDemoCompetitors(page);
      await shoot(page, 'competitors', viewport);

      // No keyboard shortcut on a phone: the search button in the top bar.
      await page
        .getByTestId('app-bar')
        .getByRole('button', { name: 'Search', exact: true })
        .click();
      const { dialog, result } = await searchCompetitor(page, 'Query', 'Querybird');
      await shoot(page, 'search', viewport, { window: true });
      await result.click();
      await dialog.waitFor({ state: 'hidden' });
      await page.waitForURL(/\/competitors\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: 'Querybird', level: 1 }).waitFor();
      await page.getByRole('link', { name: /^Open Querybird/ }).waitFor();
      await shoot(page, 'competitor', viewport);

      const title = await openBattlecard(page, 'Querybird');
      await shoot(page, 'battlecard', viewport);
      await copyFirstResponse(page);
      await shoot(page, 'battlecard-copied', viewport, { window: true });

      // On a phone the header actions are icon links with the same names.
      await page.getByRole('link', { name: 'Edit', exact: true }).click();
      await page.getByRole('heading', { name: `Editing: ${title}`, level: 1 }).waitFor();
      await shoot(page, 'editor', viewport);
      const before = await editFirstHowWeWinClaim(page, newText);
      await shoot(page, 'claim-dialog', viewport, { window: true });
      await saveClaim(page, newText);
      const note = `Bot pricing (${marker})`;
      await publishVersion2(page, note);

      await page.getByRole('link', { name: 'Version history' }).click();
      await expectVersionDiff(page, { before, after: newText, marker, note });
      await shoot(page, 'version-diff', viewport);

      expect(errors).toEqual([]);
    } catch (error) {
      await saveScreenshot(page, `failed-core-${viewport}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
