import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One throwaway PostgreSQL cluster per run for the suites that hold the PostgreSQL repositories to the contract.
    globalSetup: ['test/support/postgres-global-setup.ts'],
    // Timeouts catch hangs, not slowness: a 2-core machine shared with other work runs these several times slower.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Browser and CLI suites start real servers and processes: keep the 2-core machine calm.
    maxWorkers: 2,
    // Servers under test log every job they begin (thousands in a run); only a failing test's logs help, and CI keeps the log's end.
    silent: 'passed-only',
    // A UI string given too few values throws instead of showing its {{braces}} (server/http/i18n.ts); every PostgreSQL
    // transaction is checked for being begun inside another (server/db/postgres/postgres-store.ts).
    env: { DUIQI_STRICT_I18N: '1', DUIQI_STRICT_TRANSACTIONS: '1' },
  },
});
