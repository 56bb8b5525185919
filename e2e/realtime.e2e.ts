/**
 * The browser's live connection in real Chromium: signing in opens one /ws socket (token as a
 * subprotocol, Origin checked), a reload replaces it, and signing out closes it.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Page, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signOut, signUp } from './auth-flows';
import { launchBrowser, newPage, startServer, type RunningServer } from './harness';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openSockets(): Promise<number> {
  const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
  return Number(/^ringside_websocket_connections (\d+)$/m.exec(metrics)?.[1]);
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Resolves with the socket once its `ready` message arrived. */
function nextReadySocket(page: Page): Promise<{ socket: WebSocket; ready: string }> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) => {
      if (!socket.url().endsWith('/ws')) return;
      socket.on('framereceived', ({ payload }) => {
        const text = String(payload);
        if (text.includes('"type":"ready"')) resolve({ socket, ready: text });
      });
    });
  });
}

describe('live connection in the browser', () => {
  it('connects when signed in, reconnects after a reload, and closes on sign-out', async () => {
    const { page, context, errors } = await newPage(browser, 'desktop');
    const email = `live.${randomBytes(4).toString('hex')}@example.test`;
    const firstSocket = nextReadySocket(page);
    await page.goto(`${server.baseUrl}/sign-up`);
    await signUp(
      page,
      { name: 'Lena Live', email, password: `correct horse ${randomBytes(6).toString('hex')}` },
      'Live Co',
    );
    const { ready } = await firstSocket;
    expect(JSON.parse(ready)).toMatchObject({ type: 'ready', data: { role: 'owner' } });
    await until(async () => (await openSockets()) === 1, 'one open socket');

    const afterReload = nextReadySocket(page);
    await page.reload();
    await afterReload;
    await until(async () => (await openSockets()) === 1, 'the old socket replaced');

    await signOut(page);
    await until(async () => (await openSockets()) === 0, 'the socket closed on sign-out');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
