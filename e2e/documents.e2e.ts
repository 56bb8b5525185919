/**
 * Documents end to end on the demo workspace: on a competitor's Documents tab, a PDF and a DOCX
 * go in through the file picker and a text file by drag and drop; each shows its upload, then
 * its extraction status, and the extracted text can be read; a renamed executable is refused
 * with a message of its own. At 1280 px and at 390 px, with screenshots in e2e/artifacts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, makePdf } from '../server/modules/documents/documents.test-support';
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
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openDocumentsTab(page: Page, competitor: string) {
  await navigate(page, 'Competitors');
  await page
    .getByTestId('competitor-row')
    .filter({ hasText: competitor })
    .getByRole('link')
    .first()
    .click();
  await page.getByRole('tab', { name: 'Documents' }).click();
  await page.getByTestId('document-drop-zone').waitFor();
}

/** Drops a file on the drop zone the way a browser does: a drop event carrying a DataTransfer. */
async function dropFile(page: Page, name: string, text: string) {
  // A string: this file is compiled without the DOM types.
  const transfer = await page.evaluateHandle(
    `(() => {
      const data = new DataTransfer();
      data.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'text/plain' }));
      return data;
    })()`,
  );
  await page.getByTestId('document-drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}

async function overflowOf(page: Page): Promise<number> {
  return page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
}

async function uploadAndRead(viewport: ViewportName, competitor: string) {
  const { context, page, errors } = await newPage(browser, viewport);
  try {
    await page.goto(`${server.baseUrl}/sign-in`);
    await signIn(page, demo);
    await openDocumentsTab(page, competitor);
    await page.getByText('No documents yet').waitFor();
    await saveScreenshot(page, `documents-empty-${viewport}`);

    const tag = `${viewport}-${Date.now()}`;
    const pdfText = `${competitor} Enterprise costs $59 per agent per month (${tag}).`;
    const docxText = `${competitor} onboarding takes eight weeks (${tag}).`;
    await page.locator('input[type="file"]').setInputFiles([
      {
        name: `${competitor} pricing.pdf`,
        mimeType: 'application/pdf',
        buffer: await makePdf([pdfText]),
      },
      {
        name: 'Call notes.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: await makeDocx('Call notes', [docxText]),
      },
      {
        name: 'datasheet.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.concat([
          Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
          Buffer.alloc(64),
        ]),
      },
    ]);
    await dropFile(page, 'win-loss.txt', `Lost to ${competitor} on price (${tag}).`);

    const uploads = page.getByTestId('upload-item');
    await uploads.filter({ hasText: 'datasheet.pdf' }).getByRole('alert').waitFor();
    expect(await uploads.filter({ hasText: 'datasheet.pdf' }).innerText()).toMatch(
      /not supported/i,
    );
    await uploads
      .filter({ hasText: 'win-loss.txt' })
      .getByText(/Uploaded/)
      .waitFor();

    const rows = page.getByTestId('document-item');
    for (const title of [`${competitor} pricing`, 'Call notes', 'win-loss']) {
      await rows
        .filter({ hasText: title })
        .getByTestId('document-status')
        .filter({ hasText: 'Ready' })
        .waitFor({ timeout: 90_000 });
    }
    expect(await rows.count()).toBe(3);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, `documents-list-${viewport}`);

    await rows
      .filter({ hasText: `${competitor} pricing` })
      .getByRole('button')
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: `${competitor} pricing` });
    await dialog.getByTestId('document-preview').waitFor();
    expect(await dialog.getByTestId('document-preview').innerText()).toContain(pdfText);
    await dialog.getByText(/1 page/).waitFor();
    await saveScreenshot(page, `documents-preview-${viewport}`, { fullPage: false });
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The text is the competitor's evidence now.
    await page.getByRole('tab', { name: /Evidence/ }).click();
    await page.getByTestId('evidence-item').filter({ hasText: 'Call notes' }).waitFor();
    expect(errors.filter((e) => !e.includes('415'))).toEqual([]);
  } finally {
    await context.close();
  }
}

describe('documents', () => {
  it('upload by picker and by drag and drop, see progress and status, read the text (1280 px)', async () => {
    await uploadAndRead('desktop', 'Helpforge');
  }, 240_000);

  it('the same at 390 px', async () => {
    await uploadAndRead('phone', 'Querybird');
  }, 240_000);
});
