/** The generate-from-the-UI flow, shared by generate.e2e.ts and manual screenshot runs. */
import type { Page } from 'playwright-core';
import { navigate } from './auth-flows';
import { saveScreenshot, type ViewportName } from './harness';

export async function openHelpforgeCards(page: Page): Promise<void> {
  await navigate(page, 'Competitors');
  // The name is the row's link (a tap on the middle of a phone's card can land on a tag).
  await page
    .getByTestId('competitor-row')
    .filter({ hasText: 'Helpforge' })
    .first()
    .getByRole('link', { name: 'Helpforge', exact: true })
    .click();
  await page.getByRole('heading', { name: 'Helpforge', level: 1 }).waitFor();
  await page.getByRole('tab', { name: /^Battlecards/ }).click();
}

export async function generateAndFollow(page: Page, viewport: ViewportName, segment: string) {
  await openHelpforgeCards(page);
  await page.getByRole('button', { name: 'Generate' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Generate a battlecard' });
  await dialog.getByRole('textbox', { name: 'Segment' }).fill(segment);
  await saveScreenshot(page, `generate-dialog-${viewport}`);
  await dialog.getByRole('button', { name: 'Generate' }).click();

  // Stages arrive while the job runs: record, in the page, every stage that becomes the
  // active one (a MutationObserver sees each render, however short).
  const progress = page.getByTestId('generation-progress');
  await progress.waitFor();
  await page.evaluate(`(() => {
    const root = document.querySelector('[data-testid="generation-progress"]');
    const seen = (window.__stagesSeen = []);
    const note = () => {
      const active = root.querySelector('[data-state="active"]')?.getAttribute('data-stage');
      if (active && seen.at(-1) !== active) seen.push(active);
    };
    note();
    new MutationObserver(note).observe(root, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  })()`);
  // Updates come over /ws, not from polling.
  await page.locator('[data-testid="generation-progress"][data-live="true"]').waitFor({
    timeout: 2_000,
  });
  // A picture of a stage at work (the job may still be waiting for a worker at first).
  await progress
    .locator('[data-state="active"]')
    .waitFor({ timeout: 10_000 })
    .then(() => saveScreenshot(page, `generate-progress-${viewport}`))
    .catch(() => {});
  await page.waitForURL(/\/battlecards\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  const seen = await page.evaluate<string[]>('window.__stagesSeen ?? []');
  // The dialog unmounts on navigation; its observer recorded up to that moment.
  if (new Set(seen).size < 2) throw new Error(`stages seen live: ${seen.join(', ') || 'none'}`);

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
