/**
 * vitest globalSetup: one folder per test run where the sample data, once imported, is kept
 * for every test file to copy (tests/helpers/sampleDatabase.ts). Nothing is built here, so a
 * run of files that need no sample pays nothing; the folder goes when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where tests/helpers/sampleDatabase.ts keeps the imported sample databases of this run. */
    sampleDatabaseDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'rt-sample-run-'));
  project.provide('sampleDatabaseDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
