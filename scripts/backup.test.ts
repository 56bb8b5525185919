import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres } from '../server/lib/db/database';
import { createTestDatabase, usingPostgres } from '../server/test/test-database';

const JWT_SECRET = 'b'.repeat(48);

function run(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const res = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.resolve(import.meta.dirname, `${script}.ts`), ...args],
    { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 120_000 },
  );
  return { status: res.status, output: `${res.stdout}${res.stderr}` };
}

const names = async (query: (sql: string) => Promise<{ rows: { name: string }[] }>) =>
  (await query('select name from workspace order by name')).rows.map((r) => r.name);

describe('npm run backup / restore', () => {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'ringside-backup-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it.skipIf(usingPostgres())(
    'embedded: backs up a stopped installation and restores it',
    async () => {
      const dataDir = path.join(temp, 'data');
      const env = { DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' };
      const db = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
      await db.migrate();
      await db.query(`insert into workspace (name) values ('Before backup')`);

      // While the database is open (a running server), a backup must refuse, not copy a torn folder.
      const busy = run('backup', ['--out', path.join(temp, 'busy')], env);
      expect(busy.status).not.toBe(0);
      expect(busy.output).toMatch(/in use by another Ringside process/);
      await db.close();

      const out = path.join(temp, 'embedded-backup');
      const backup = run('backup', ['--out', out], env);
      expect(backup.output).toContain('Backup written');
      expect(readdirSync(out).sort()).toEqual(['manifest.json', 'pglite.tar.gz', 'secrets.json']);

      const later = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
      await later.query(`insert into workspace (name) values ('After backup')`);
      await later.close();

      const refused = run('restore', [out], env);
      expect(refused.status).not.toBe(0);
      expect(refused.output).toMatch(/add --force/);

      const restored = run('restore', [out, '--force'], env);
      expect(restored.output).toContain('Restored');
      expect(restored.status).toBe(0);
      const back = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
      expect(await names((s) => back.query(s))).toEqual(['Before backup']);
      expect((await back.migrationStatus()).applied).toBeGreaterThan(0);
      await back.close();
      expect(readdirSync(dataDir).some((f) => f.startsWith('pglite.before-restore-'))).toBe(true);
    },
    180_000,
  );

  it.runIf(usingPostgres())(
    'PostgreSQL: pg_dump and pg_restore round trip',
    async () => {
      const test = await createTestDatabase();
      try {
        const env = { DATABASE_URL: test.url!, JWT_SECRET, REDIS_URL: '' };
        await test.database.query(`insert into workspace (name) values ('Before backup')`);
        const out = path.join(temp, 'pg-backup');
        const backup = run('backup', ['--out', out], env);
        expect(backup.output).toContain('Backup written');
        expect(existsSync(path.join(out, 'postgres.dump'))).toBe(true);

        await test.database.query(`insert into workspace (name) values ('After backup')`);
        expect(run('restore', [out], env).output).toMatch(/add --force/);
        const restored = run('restore', [out, '--force'], env);
        expect(restored.status).toBe(0);
        const check = await openPostgres({ url: test.url!, poolSize: 1 });
        expect(await names((s) => check.query(s))).toEqual(['Before backup']);
        await check.close();
      } finally {
        await test.drop();
      }
    },
    180_000,
  );
});
