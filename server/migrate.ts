import { ConfigError, loadConfig } from './config';
import { createLogger } from './lib/logger';
import { closeServices, createServices } from './services';

/** `npm run migrate`: applies the schema migrations and the job queue's schema, then exits. */
async function migrate(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, config.logFormat);
  const services = await createServices(config, log);
  try {
    await services.database.migrate();
    await services.jobs.start({ work: false, supervise: false });
    const status = await services.database.migrationStatus();
    log.info(status, 'migrations applied');
  } finally {
    await closeServices(services);
  }
}

migrate().catch((err: unknown) => {
  process.stderr.write(
    `${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
