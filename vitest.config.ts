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

/**
 * Slowest first, from the JSON report of a clone-alone CI run (test-output/vitest.json,
 * end minus start per file, seconds in the comments; 03.12.2026); the rest follow in vitest's
 * order. Longest first onto whichever worker is free leaves the two finishing together; a file
 * missing here may start last and run alone at the end, so re-measure when one grows.
 */
const longFirst = [
  'tests/browser/everyView.test.ts', // 97
  'tests/browser/oidcSignIn.test.ts', // 86
  'tests/server/routes/followUpAnswer.test.ts', // about 60 alone (114 in the clone-alone run before its cells were slimmed)
  'tests/browser/roles.test.ts', // 46
  'tests/browser/scope.test.ts', // 44
  'tests/server/auth/scopes.test.ts', // 40
  'tests/browser/views.test.ts', // 31
  'tests/server/auth/suppressionAttacker.rectors.test.ts', // 31
  'tests/browser/deviations.test.ts', // 30
  'tests/browser/usability.test.ts', // 30
  'tests/browser/deviationDetails.test.ts', // 29
  'tests/etl/cli/user.test.ts', // 27
  'tests/server/auth/rateLimit.test.ts', // 26
  'tests/browser/yearwheel.test.ts', // 23
  'tests/server/adminSocket.test.ts', // 22
  'tests/browser/interaction.test.ts', // 21
  'tests/browser/competence.test.ts', // 20
  'tests/server/auth/suppressionStockFlowAttacker.test.ts', // 17
  'tests/etl/followup/yearWheelFromFacts.test.ts', // 17
  'tests/browser/importPage.test.ts', // 17
  'tests/scripts/fuzzImports.test.ts', // 17
  'tests/etl/load/fnrSql.test.ts', // 15
  'tests/server/auth/suppressionAttacker.scoped.test.ts', // 15
  'tests/etl/load/upsertFile.test.ts', // 14
  'tests/etl/load/importBatch.swedish.test.ts', // 14
  'tests/etl/load/importBatch.xlsx.test.ts', // 12
  'tests/server/auth/usersAdmin.test.ts', // 10
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
    globalSetup: ['tests/setup/sampleDatabaseDir.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      // The dashboard's modules hold a page's state for its lifetime (the languages fetched,
      // the API answers, the focus to restore), and their tests start from a fresh page:
      // each file loads them anew. They are small; isolating them costs a few seconds.
      { extends: true, test: { name: 'dashboard', include: ['tests/dashboard/**/*.test.ts'], isolate: true } },
      // Elsewhere each worker keeps its modules from one file to the next instead of loading
      // them again for every file (@duckdb/node-api, Express, zod and the app's graph).
      // Measured on the 2-core machine, the ETL tests: 107 s against 138 s isolated. It holds
      // because the server and ETL modules keep no state between calls that a test reads (their
      // caches are per database or per app), a file's temp dirs, databases, ports and servers
      // are its own and closed in afterAll, and the few globals a test swaps (fetch,
      // console.error) are put back. A file that changes module state must restore it.
      {
        extends: true,
        test: { name: 'app', include: ['tests/**/*.test.ts'], exclude: ['tests/dashboard/**', '**/node_modules/**'], isolate: false },
      },
    ],
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongFirstSequencer },
    env: { TZ: 'UTC' },
    reporters: ['default', ['json', { outputFile: 'test-output/vitest.json' }]],
  },
});
