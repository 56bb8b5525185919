import { ConfigError, loadConfig } from './config';
import { createLogger } from './lib/logger';
import { installSignalHandlers, parseRoles, startRuntime } from './runtime';

/** Entry point: `tsx server/main.ts [--role=api,worker,scheduler]`. */
async function main(): Promise<void> {
  let config;
  let roles;
  try {
    config = loadConfig();
    roles = parseRoles(process.argv.slice(2));
  } catch (err) {
    // Before a logger exists, a plain message is what a person starting the server needs.
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(err instanceof ConfigError ? 78 : 1);
  }
  const log = createLogger(config.logLevel, config.logFormat);
  try {
    const runtime = await startRuntime(config, roles, log);
    installSignalHandlers(runtime, log, config.shutdownTimeoutMs);
    if (runtime.address && config.mode === 'embedded') {
      log.info(`Ringside is ready at ${config.publicUrl}`);
    }
  } catch (err) {
    log.fatal({ err }, 'Ringside could not start');
    process.exit(1);
  }
}

void main();
