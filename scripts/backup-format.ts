/**
 * The shape of a Ringside backup: a folder holding manifest.json and, by mode, the embedded
 * database dump (pglite.tar.gz) or a pg_dump archive (postgres.dump), plus the embedded
 * secrets so restored sessions and API keys keep working.
 */
import { z } from 'zod';

export const ManifestSchema = z.object({
  format: z.literal(1),
  mode: z.enum(['embedded', 'scale']),
  version: z.string(),
  createdAt: z.iso.datetime(),
  migrationsApplied: z.number().int().min(0),
  files: z.array(z.string()),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const EMBEDDED_DUMP = 'pglite.tar.gz';
export const POSTGRES_DUMP = 'postgres.dump';
export const SECRETS = 'secrets.json';

/** Reads `--flag value` and `--flag=value` pairs and the positional arguments. */
export function parseArgs(argv: string[]): { flags: Map<string, string | true>; rest: string[] } {
  const flags = new Map<string, string | true>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      rest.push(arg);
      continue;
    }
    const [name, value] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (value !== undefined) flags.set(name, value);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--'))
      flags.set(name, argv[++i]!);
    else flags.set(name, true);
  }
  return { flags, rest };
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
