// Tests run in a fixed time zone so date arithmetic never depends on the machine; the JSON
// report feeds the one-line summary that .ci/run prints.
import { defineConfig } from 'vitest/config';

process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { TZ: 'UTC' },
    reporters: ['default', ['json', { outputFile: 'test-output/vitest.json' }]],
  },
});
