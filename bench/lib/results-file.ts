import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const RESULTS_DIR = path.resolve(import.meta.dirname, '../results');

/** Writes bench/results/[<prefix>-]<timestamp>.json (gitignored) and returns its path. */
export async function writeResults(
  startedAt: Date,
  results: unknown,
  prefix?: string,
): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const file = path.join(RESULTS_DIR, `${prefix ? `${prefix}-` : ''}${stamp}.json`);
  await writeFile(file, JSON.stringify(results, null, 2) + '\n');
  return file;
}
