// Tests run in a fixed time zone so date arithmetic never depends on the machine; the JSON
// report feeds the one-line summary that .ci/run prints.
//
// Workers: vitest's default for `vitest run` is one worker fewer than the cores, which on the
// 2-core CI machine is one worker, so every file ran after the other. Two workers use both
// cores (much of the suite waits on HTTP, child processes and Chromium); a bigger machine
// keeps vitest's default. Files are isolated
// (own temp dirs, databases and ports), so they may run side by side.
//
// Order: a fresh clone has no timing cache, so vitest keeps the files in path order and a
// long file may start last and run alone at the end. The files known to be long start first
// (longest first), so the two workers finish together.
import { availableParallelism } from 'node:os';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

process.env.TZ = 'UTC';

/** Slowest first, from the JSON report (test-output/vitest.json); the rest follow in vitest's order. */
const longFirst = [
  'tests/server/auth/suppressionAttacker.scoped.test.ts',
  'tests/server/auth/suppressionAttacker.rectors.test.ts',
  'tests/server/importKill.test.ts',
  'tests/server/auth/scopes.test.ts',
  'tests/browser/roles.test.ts',
  'tests/browser/scope.test.ts',
  'tests/browser/views.test.ts',
  'tests/browser/interaction.test.ts',
  'tests/etl/cli/user.test.ts',
  'tests/etl/cli/followup.test.ts',
  'tests/server/auth/rateLimit.test.ts',
  'tests/server/auth/suppressionSweep.test.ts',
  'tests/server/requestBounds.test.ts',
  'tests/etl/cli/errorMessages.test.ts',
  'tests/server/auth/audit.test.ts',
  'tests/etl/load/fnrSql.test.ts',
];

class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = longFirst.findIndex((path) => f.moduleId.endsWith(path));
      return i === -1 ? longFirst.length : i;
    };
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/sampleDatabaseDir.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongFirstSequencer },
    env: { TZ: 'UTC' },
    reporters: ['default', ['json', { outputFile: 'test-output/vitest.json' }]],
  },
});
