import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Hosts started by tests keep their recent-projects list in the user-data folder: point it at a
// throw-away folder so a test run never writes to the tester's own ~/.config/Segment Workbench.
const userData = process.env.SEGMENT_WORKBENCH_DATA ?? fs.mkdtempSync(path.join(os.tmpdir(), 'swb-test-data-'));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: running integration files in parallel only makes them fight over SQLite and CPU.
    fileParallelism: false,
    env: { SEGMENT_WORKBENCH_DATA: userData },
  },
});
