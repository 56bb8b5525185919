/**
 * A real Ringside process for the multi-process fan-out test: `tsx fan-out.fixture.ts
 * --role=api|worker`, with the test's own Redis prefix (RINGSIDE_TEST_REDIS_PREFIX) and the
 * probe job registered. Prints {"ready":"<address or role>"} on stdout once started; otherwise
 * it is server/main.ts.
 */
import { loadConfig } from '../config';
import { createLogger } from '../lib/logger';
import { installSignalHandlers, parseRoles, startRuntime } from '../runtime';
import { fanOutProbeJob } from './fan-out.fixture-job';

const config = loadConfig();
const roles = parseRoles(process.argv.slice(2));
const log = createLogger(config.logLevel, config.logFormat);
const runtime = await startRuntime(config, roles, log, {
  serviceOverrides: { redisPrefix: process.env.RINGSIDE_TEST_REDIS_PREFIX ?? 'ringside:' },
  prepare(services) {
    services.jobs.register(fanOutProbeJob);
  },
});
installSignalHandlers(runtime, log, config.shutdownTimeoutMs);
process.stdout.write(`${JSON.stringify({ ready: runtime.address ?? roles.join(',') })}\n`);
