import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'server/**/*.test.ts',
      'common/**/*.test.ts',
      'scripts/**/*.test.ts',
      'web/src/**/*.test.ts',
      'bench/drills/*.multiprocess.test.ts',
    ],
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    // Test files share each worker's loaded modules instead of importing the server afresh
    // (~2.4 s a file): the embedded suite took 485 s isolated and 281 s shared, the PostgreSQL
    // one 301 s and 144 s. Every file builds its own services and database, and no test fakes
    // timers or patches modules that a later file could inherit; counters in shared modules
    // (metrics) are read as differences.
    isolate: false,
    // Test files mostly wait on databases and sockets: on a 2-core machine two forks finish the
    // suite about 30% sooner than vitest's default of one (cores - 1).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    coverage: {
      provider: 'v8',
      include: ['server/**/*.ts'],
      exclude: ['server/**/*.test.ts', 'server/test/**'],
      reporter: ['text-summary', 'text'],
    },
  },
});
