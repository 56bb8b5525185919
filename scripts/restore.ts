/**
 * `npm run restore -- <backup folder> [--force]`: puts a backup made by `npm run backup` back.
 * Embedded (server stopped): the current PGlite folder is kept aside as pglite.before-restore-*
 * and the dump is loaded into a fresh one. Scale: `pg_restore --clean` into DATABASE_URL.
 * Refuses to overwrite a database that has data unless --force is given.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadConfig } from '../server/config';
import { openPglite, openPostgres } from '../server/lib/db/database';
import { lockDataDir } from '../server/lib/db/data-dir-lock';
import {
  EMBEDDED_DUMP,
  fail,
  ManifestSchema,
  parseArgs,
  POSTGRES_DUMP,
  SECRETS,
} from './backup-format';

async function main(): Promise<void> {
  const { flags, rest } = parseArgs(process.argv.slice(2));
  const from = rest[0];
  if (!from) fail('usage: npm run restore -- <backup folder> [--force]');
  const folder = path.resolve(from);
  const manifestFile = path.join(folder, 'manifest.json');
  if (!existsSync(manifestFile)) fail(`${folder} is not a Ringside backup (no manifest.json)`);
  const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(manifestFile, 'utf8')));
  if (!parsed.success) fail(`${manifestFile} is not a valid backup manifest`);
  const manifest = parsed.data;
  const config = loadConfig();
  if (manifest.mode !== config.mode) {
    fail(
      `This backup is of a ${manifest.mode} installation; this one runs ${config.mode} ` +
        `(${config.mode === 'scale' ? 'DATABASE_URL is set' : 'no DATABASE_URL'}).`,
    );
  }
  const force = flags.get('force') === true;

  if (config.mode === 'embedded') {
    const dataDir = path.join(config.dataDir, 'pglite');
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      // Lock first: the running server must not have the folder while it is moved.
      const unlock = lockDataDir(dataDir);
      unlock();
      if (!force) fail(`${dataDir} already holds a database; add --force to replace it`);
      const aside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dataDir, aside);
      process.stdout.write(`The previous database was kept in ${aside}\n`);
    }
    const dump = gunzipSync(readFileSync(path.join(folder, EMBEDDED_DUMP)));
    const database = await openPglite({ dataDir, loadDataDir: new Blob([dump]) });
    const status = await database.migrationStatus();
    await database.close();
    if (manifest.files.includes(SECRETS)) {
      copyFileSync(path.join(folder, SECRETS), path.join(config.dataDir, SECRETS));
    }
    process.stdout.write(`Restored ${folder} into ${dataDir} (${status.applied} migrations)\n`);
    return;
  }

  const database = await openPostgres({ url: config.databaseUrl!, poolSize: 1 });
  try {
    const { applied } = await database.migrationStatus();
    if (applied > 0 && !force) {
      fail('DATABASE_URL already holds a Ringside database; add --force to replace it');
    }
  } finally {
    await database.close();
  }
  execFileSync(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${config.databaseUrl!}`,
      path.join(folder, POSTGRES_DUMP),
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  process.stdout.write(`Restored ${folder} into the DATABASE_URL database\n`);
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
