import { ensureWebBuild } from '../scripts/ensure-web-build';

/** The server serves dist/web; make sure it matches the sources before any browser test. */
export default async function setup(): Promise<void> {
  await ensureWebBuild({ log: (line) => process.stdout.write(`[e2e] ${line}\n`) });
}
