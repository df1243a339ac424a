import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Timeouts catch hangs, not slowness: a 2-core machine shared with other work runs these several times slower.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Browser and CLI suites start real servers and processes: keep the 2-core machine calm.
    maxWorkers: 2,
  },
});
