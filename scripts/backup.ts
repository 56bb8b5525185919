/**
 * `npm run backup [-- --out <folder>]`: a consistent backup of this installation.
 * Embedded: the PGlite folder is dumped through PGlite itself (the server must be stopped — the
 * data-folder lock refuses otherwise). Scale: `pg_dump --format=custom` of DATABASE_URL, safe
 * while the servers run (one snapshot transaction).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadConfig } from '../server/config';
import { openPglite, openPostgres } from '../server/lib/db/database';
import { VERSION } from '../server/services';
import {
  EMBEDDED_DUMP,
  fail,
  type Manifest,
  parseArgs,
  POSTGRES_DUMP,
  SECRETS,
} from './backup-format';

async function main(): Promise<void> {
  const { flags } = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const outFlag = flags.get('out');
  const out = path.resolve(
    typeof outFlag === 'string' ? outFlag : path.join('backups', `ringside-${stamp}`),
  );
  if (existsSync(out)) fail(`${out} already exists; choose another --out folder`);
  mkdirSync(out, { recursive: true, mode: 0o700 });
  const files: string[] = [];
  let migrationsApplied: number;

  if (config.mode === 'embedded') {
    const database = await openPglite({ dataDir: path.join(config.dataDir, 'pglite') }).catch(
      (err: unknown) => fail(err instanceof Error ? err.message : String(err)),
    );
    try {
      migrationsApplied = (await database.migrationStatus()).applied;
      const dump = Buffer.from(await (await database.dump()).arrayBuffer());
      writeFileSync(path.join(out, EMBEDDED_DUMP), gzipSync(dump), { mode: 0o600 });
      files.push(EMBEDDED_DUMP);
    } finally {
      await database.close();
    }
    const secrets = path.join(config.dataDir, SECRETS);
    if (existsSync(secrets)) {
      copyFileSync(secrets, path.join(out, SECRETS));
      files.push(SECRETS);
    }
  } else {
    const database = await openPostgres({ url: config.databaseUrl!, poolSize: 1 });
    try {
      migrationsApplied = (await database.migrationStatus()).applied;
    } finally {
      await database.close();
    }
    execFileSync(
      'pg_dump',
      [
        '--format=custom',
        '--no-owner',
        `--file=${path.join(out, POSTGRES_DUMP)}`,
        config.databaseUrl!,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    files.push(POSTGRES_DUMP);
  }

  const manifest: Manifest = {
    format: 1,
    mode: config.mode,
    version: VERSION,
    createdAt: new Date().toISOString(),
    migrationsApplied,
    files,
  };
  writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  process.stdout.write(`Backup written to ${out} (${config.mode}, ${files.join(', ')})\n`);
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
