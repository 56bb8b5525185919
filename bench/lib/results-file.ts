import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const RESULTS_DIR = path.resolve(import.meta.dirname, '../results');

/** Writes bench/results/<timestamp>.json (gitignored) and returns its path. */
export async function writeResults(startedAt: Date, results: unknown): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(results, null, 2) + '\n');
  return file;
}
