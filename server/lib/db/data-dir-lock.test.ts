import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';
import { openPglite } from './database';

describe('embedded data folder lock', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ringside-lock-'));
    dirs.push(dir);
    return path.join(dir, 'pglite');
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second live holder and names its pid', () => {
    const dataDir = tempDir();
    writeFileSync(`${dataDir}.pid`, String(process.ppid)); // a live process: the runner's parent
    expect(() => lockDataDir(dataDir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dataDir)).toThrow(new RegExp(`pid ${process.ppid}`));
  });

  it('takes over a lock left by a process that is gone, and releases it', () => {
    const dataDir = tempDir();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(`${dataDir}.pid`, gone.stdout.toString());
    const release = lockDataDir(dataDir);
    expect(readFileSync(`${dataDir}.pid`, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(`${dataDir}.pid`)).toBe(false);
  });

  // A new folder runs PGlite's initdb: ~7 s on a quiet 2-core machine, far more under load.
  it(
    'is held while PGlite has the folder open and dropped on close',
    { timeout: 120_000 },
    async () => {
      const dataDir = tempDir();
      const db = await openPglite({ dataDir });
      expect(existsSync(`${dataDir}.pid`)).toBe(true);
      await db.close();
      expect(existsSync(`${dataDir}.pid`)).toBe(false);
      const again = await openPglite({ dataDir });
      await again.close();
    },
  );
});
