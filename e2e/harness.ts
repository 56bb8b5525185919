/**
 * Browser-test harness: a real Ringside server on a free port with its own
 * data folder, and the system Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const artifactsDir = path.join(import.meta.dirname, 'artifacts');

export const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof viewports;

// A first start with the demo takes ~55 s when the 2-core machine is shared by several runs.
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;
/** Environment the server may inherit from the test run; everything else is set explicitly. */
const INHERITED_ENV = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'DATABASE_URL', 'REDIS_URL'];

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  /** Everything the server wrote to stdout and stderr so far (the tail, if long). */
  output: () => string;
  /** Resolves with the first match of `pattern` in the output, waiting up to `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

/** Kill leftovers if the test process dies without running its afterAll hooks. */
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

export async function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        if (port) resolve(port);
        else reject(new Error('no free port'));
      });
    });
  });
}

function tailBuffer(limit = 64 * 1024) {
  let text = '';
  return {
    append(chunk: Buffer) {
      text += chunk.toString('utf8');
      if (text.length > limit) text = text.slice(-limit);
    },
    get: () => text,
  };
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      resolve(false);
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts `tsx server/main.ts` on a free port with a fresh data folder and
 * resolves once GET /health/ready answers 200.
 */
export async function startServer(
  options: {
    env?: Record<string, string>;
    /**
     * Start as a first-time `npm start` does: embedded database (DATABASE_URL and REDIS_URL
     * are not passed on) with the demo workspace on. See startDemoServer().
     */
    demo?: boolean;
    /**
     * An empty data folder, so the server creates its embedded database itself, as a first
     * `npm start` on a new machine does. Otherwise it starts from a copy of the migrated empty
     * database global setup made (the same state, without initdb's seconds).
     */
    fresh?: boolean;
  } = {},
): Promise<RunningServer> {
  const port = await getFreePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ringside-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const embedded = options.demo === true || !process.env.DATABASE_URL;
  if (embedded && !options.fresh) {
    await cp(inject('e2eDataTemplate'), dataDir, { recursive: true });
  }

  const env: Record<string, string> = {};
  const embeddedOnly = new Set(options.demo ? ['DATABASE_URL', 'REDIS_URL'] : []);
  for (const key of INHERITED_ENV) {
    const value = process.env[key];
    if (value !== undefined && !embeddedOnly.has(key)) env[key] = value;
  }
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DEMO: options.demo ? 'true' : 'false',
    // Links the server builds (invites) point back at this test server.
    PUBLIC_URL: baseUrl,
    ...options.env,
  });

  const child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['server/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  const output = tailBuffer();
  child.stdout.on('data', (chunk: Buffer) => {
    output.append(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output.append(chunk);
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        child.kill('SIGKILL');
        await waitForExit(child, STOP_TIMEOUT_MS);
      }
    }
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  const launch: { error?: Error } = {};
  child.once('error', (error) => (launch.error = error));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the server exited (${child.signalCode ?? `code ${child.exitCode}`})`);
      }
      if (launch.error) throw launch.error;
      try {
        const response = await fetch(`${baseUrl}/health/ready`, {
          signal: AbortSignal.timeout(2_000),
        });
        if (response.status === 200) break;
        lastProblem = `GET /health/ready answered ${response.status}: ${(await response.text()).slice(0, 300)}`;
      } catch (error) {
        lastProblem = error instanceof Error ? error.message : String(error);
      }
      if (Date.now() > deadline) {
        throw new Error(`not ready after ${READY_TIMEOUT_MS / 1000} s (${lastProblem})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Ringside server failed to start: ${reason}\n--- server output ---\n${output.get() || '(none)'}`,
    );
  }

  const waitForOutput = async (pattern: RegExp, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = output.get().match(pattern);
      if (match) return match;
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
        throw new Error(
          `the server did not print ${String(pattern)}\n--- server output ---\n${output.get() || '(none)'}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  return { baseUrl, dataDir, output: output.get, waitForOutput, stop };
}

/**
 * A first start of an empty installation with the demo on, and the one-time sign-in it
 * prints in a box on stdout (the password is shown nowhere else).
 */
export async function startDemoServer(options: { fresh?: boolean } = {}): Promise<{
  server: RunningServer;
  signIn: { email: string; password: string };
}> {
  const server = await startServer({ demo: true, ...options });
  try {
    const [, email = ''] = await server.waitForOutput(/Email:\s+(\S+@\S+)/);
    const [, password = ''] = await server.waitForOutput(/Password:\s+([a-z2-9-]+)/);
    return { server, signIn: { email, password } };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it (apt-get install -y chromium fonts-liberation) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh context (own cookies and storage) at one of the standard viewports. */
export async function newPage(
  browser: Browser,
  viewport: ViewportName,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const phone = viewport === 'phone';
  const context = await browser.newContext({
    viewport: viewports[viewport],
    isMobile: phone,
    hasTouch: phone,
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  return { context, page, errors };
}

/** Uncaught exceptions and console errors of a page, to assert there are none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error')
      errors.push(`console.error: ${message.text()} ${message.location().url}`);
  });
  return errors;
}

/** Saves a screenshot (full page by default) as e2e/artifacts/<name>.png, or `file`; returns its path. */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean; file?: string } = {},
): Promise<string> {
  const file = options.file ?? path.join(artifactsDir, `${name}.png`);
  await mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true, animations: 'disabled' });
  return file;
}
