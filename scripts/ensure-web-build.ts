/**
 * Builds the web app when dist/web is missing or older than its sources.
 * `npm start` runs this before the server; the e2e global setup calls
 * ensureWebBuild() directly. When nothing changed it only stats files.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const repoRoot = path.resolve(import.meta.dirname, '..');
const configFile = path.join(repoRoot, 'web', 'vite.config.ts');
const builtIndex = path.join(repoRoot, 'dist', 'web', 'index.html');

/** Everything the bundle is made from. Directories are walked; missing entries are skipped. */
const sources = [
  'web/src',
  'web/public',
  'web/index.html',
  'web/vite.config.ts',
  'web/tsconfig.json',
  'common',
  'package-lock.json',
].map((p) => path.join(repoRoot, p));

export interface EnsureWebBuildResult {
  built: boolean;
  /** Why a build ran, e.g. "web/src/main.tsx changed"; undefined when none was needed. */
  reason?: string;
}

async function mtimeOrUndefined(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Returns the first file under `entry` modified after `since`, or undefined. */
async function findNewer(entry: string, since: number): Promise<string | undefined> {
  let info;
  try {
    info = await stat(entry);
  } catch {
    return undefined;
  }
  if (!info.isDirectory()) return info.mtimeMs > since ? entry : undefined;
  for (const child of await readdir(entry, { withFileTypes: true })) {
    if (child.name === 'node_modules' || child.name.startsWith('.')) continue;
    const found = await findNewer(path.join(entry, child.name), since);
    if (found) return found;
  }
  return undefined;
}

export async function whyWebBuildNeeded(): Promise<string | undefined> {
  const builtAt = await mtimeOrUndefined(builtIndex);
  if (builtAt === undefined) return 'dist/web is missing';
  for (const source of sources) {
    const newer = await findNewer(source, builtAt);
    if (newer) return `${path.relative(repoRoot, newer)} changed`;
  }
  return undefined;
}

export async function ensureWebBuild(
  options: { log?: (line: string) => void } = {},
): Promise<EnsureWebBuildResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const reason = await whyWebBuildNeeded();
  if (!reason) return { built: false };

  const started = performance.now();
  // Imported lazily: loading Vite costs more than the up-to-date check.
  const { build } = await import('vite');
  // A NODE_ENV of development or test (Vitest sets it) would bundle React's development
  // build; what is served must be the production one, whoever asks for the build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile, logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`Built the web app into dist/web in ${seconds} s (${reason}).`);
  return { built: true, reason };
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  try {
    await ensureWebBuild();
  } catch (error) {
    process.stderr.write(
      `Could not build the web app: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
