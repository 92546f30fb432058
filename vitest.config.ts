import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: running integration files in parallel only makes them fight over SQLite and CPU.
    fileParallelism: false,
  },
});
