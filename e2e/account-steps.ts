/**
 * Shared steps of the account browser tests: people to sign up, screenshots that also check
 * nothing overflows sideways, invite links, and canned API errors.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestUser } from './auth-flows';
import { saveScreenshot, type ViewportName } from './harness';

/** People for one test; `tag` keeps emails unique across the tests of the file. */
export function people(tag: string) {
  const person = (first: string, last: string, password: string): TestUser => ({
    name: `${first} ${last}`,
    email: `${first.toLowerCase()}.${tag}@acme.example`,
    password,
  });
  return {
    owner: person('Olivia', 'Owner', 'marble kettle orbit lantern'),
    invitee: person('Victor', 'Viewer', 'copper tundra violin meadow'),
    other: person('Wes', 'Other', 'quartz pelican harbor drift'),
  };
}

/** Horizontal overflow of the document, in pixels (a string: this file has no DOM types). */
export function overflowOf(page: Page): Promise<number> {
  return page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
}

/** Screenshot e2e/artifacts/<name>-<viewport>.png, after checking nothing overflows sideways. */
export async function shoot(page: Page, name: string, viewport: ViewportName): Promise<void> {
  await page.mouse.move(0, 0);
  const overflow = await overflowOf(page);
  expect(overflow, `${name} overflows sideways at ${viewport}`).toBeLessThanOrEqual(0);
  await saveScreenshot(page, `${name}-${viewport}`);
}

/** After a failure, a screenshot of each page as it was: e2e/artifacts/failed-<name>.png. */
export async function shootFailure(pages: Record<string, Page>): Promise<void> {
  for (const [name, page] of Object.entries(pages)) {
    if (!page.isClosed()) await saveScreenshot(page, `failed-${name}`).catch(() => undefined);
  }
}

/** Resolves when the next response to `method path` (path without query) arrives. */
export function responseTo(page: Page, method: string, path: RegExp) {
  return page.waitForResponse(
    (r) => r.request().method() === method && path.test(new URL(r.url()).pathname),
  );
}

/** Opens the invite dialog, creates an invite and returns the link the dialog shows. */
export async function createInvite(page: Page, email: string): Promise<string> {
  await page.getByRole('button', { name: 'Invite people' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: /^Invite to / }).waitFor();
  await dialog.locator('input[name="email"]').fill(email);
  await dialog.getByRole('button', { name: 'Create invite link' }).click();
  const link = dialog.getByTestId('invite-link');
  await link.waitFor();
  return link.inputValue();
}

export function apiError(status: number, code: string, message: string) {
  return {
    status,
    contentType: 'application/json',
    body: JSON.stringify({ error: { code, message, requestId: 'e2e' } }),
  };
}
