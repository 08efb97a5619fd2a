/**
 * The figure facts are part of the import's transaction (issue 9, part 6): a second
 * connection reading while an import runs gets the old figures from the old facts (without
 * rebuilding anything), the importing connection already sees the new facts before COMMIT,
 * and an import that is rolled back or killed leaves the old facts, still current. Expected
 * figures are counted by hand from the rows written here.
 */
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../etl/db/openDatabase.ts';
import { projectRoot } from '../../../../etl/db/defaultPaths.ts';
import { factsAreCurrent, factsGeneration } from '../../../../etl/figures/facts/buildFigureFacts.ts';
import { dataVersion } from '../../../../etl/figures/facts/dataVersion.ts';
import { computeFigures } from '../../../../etl/figures/index.ts';
import { importBatch } from '../../../../etl/load/importBatch.ts';
import { baseRow, tableOf } from '../../../helpers/contractRows.ts';
import { makeTempDir, removeTempDirs } from '../../../helpers/tempDir.ts';
import { openTestDatabase } from '../../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../../helpers/testKey.ts';
import { writeCsv } from '../../../helpers/writeCsv.ts';

const dir = makeTempDir('rt-facts-import-');
const key = testPseudonymKey();
const year = { from: '2024-08-01', to: '2025-07-31', asOf: '2025-08-01', allowedSchools: null };

const school = { ...baseRow('schools', 1), school_id: 'S1' };
/** n held meetings at S1 in the school year, ids prefixed so batches add to each other. */
const meetings = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ ...baseRow('meetings', i, prefix), school_id: 'S1', date: `2024-09-${String(i + 1).padStart(2, '0')}` }));
const batch = (name: string, prefix: string, n: number) => [
  writeCsv(dir, `skoler-${name}.csv`, tableOf('schools', [school])),
  writeCsv(dir, `motelogg-${name}.csv`, tableOf('meetings', meetings(prefix, n))),
];

let db: Database;
let dbPath: string;

beforeAll(async () => {
  dbPath = join(dir, 'facts.duckdb');
  db = await openTestDatabase(dbPath);
  await importBatch(db.connection, batch('a', 'A', 3), { key });
}, 60_000);
afterAll(() => {
  db?.close();
  removeTempDirs();
});

describe('an import and a reader at the same time', () => {
  let during: { reader: number | null; readerFactsCurrent: boolean; importer: number | null; versionBefore: string; versionDuring: string };
  let after: { reader: number | null; version: string };

  beforeAll(async () => {
    const reader = await db.instance.connect();
    try {
      const versionBefore = await dataVersion(reader);
      await importBatch(db.connection, batch('b', 'B', 4), {
        key,
        async beforeCommit() {
          during = {
            reader: (await computeFigures(reader, year)).meetings_held,
            readerFactsCurrent: await factsAreCurrent(reader, 'figure_facts'),
            importer: (await computeFigures(db.connection, year)).meetings_held,
            versionBefore,
            versionDuring: await dataVersion(reader),
          };
        },
      });
      after = { reader: (await computeFigures(reader, year)).meetings_held, version: await dataVersion(reader) };
    } finally {
      reader.closeSync();
    }
  }, 60_000);

  it('the reader gets the old figures from the old facts, which are current for what it sees (nothing rebuilt)', () => {
    expect(during.reader).toBe(3);
    expect(during.readerFactsCurrent).toBe(true);
    expect(during.versionDuring).toBe(during.versionBefore);
  });

  it('the importing connection sees the new facts inside its open transaction', () => {
    expect(during.importer).toBe(7);
  });

  it('after COMMIT the reader gets the new figures, and the data version has changed', () => {
    expect(after.reader).toBe(7);
    expect(after.version).not.toBe(during.versionBefore);
  });
});

describe('an import rolled back', () => {
  it('leaves the facts of the data before it, current and of the same generation', async () => {
    const generation = await factsGeneration(db.connection, 'figure_facts');
    const version = await dataVersion(db.connection);
    const failing = importBatch(db.connection, batch('c', 'C', 5), {
      key,
      beforeCommit() {
        throw new Error('stopped before COMMIT');
      },
    });
    await expect(failing).rejects.toThrow('stopped before COMMIT');
    expect(await factsAreCurrent(db.connection, 'figure_facts')).toBe(true);
    expect(await factsGeneration(db.connection, 'figure_facts')).toBe(generation);
    expect(await dataVersion(db.connection)).toBe(version);
    expect((await computeFigures(db.connection, year)).meetings_held).toBe(7);
  });
});

/** Runs killableImport.ts and kills it (SIGKILL) once it reports the first file upserted inside the transaction. */
function killMidImport(path: string, files: readonly string[]): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(projectRoot, 'tests/helpers/killableImport.ts'), path, 'loaded:1', ...files], {
    cwd: projectRoot,
    env: { ...process.env, TMPDIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`no marker within 60 s: ${out}`));
    }, 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/^STAGED .*\}$/m.test(out)) child.kill('SIGKILL');
    });
    child.on('exit', () => {
      clearTimeout(timer);
      done(out);
    });
  });
}

describe('an import killed inside its transaction', () => {
  it('leaves the file with the old facts, current: a reader needs no rebuild and gets the old figures', async () => {
    const copy = join(dir, 'killed.duckdb');
    db.close();
    copyFileSync(dbPath, copy);
    db = await openTestDatabase(dbPath);
    const out = await killMidImport(copy, batch('d', 'D', 6));
    expect(out).toMatch(/^STAGED /m);
    expect(out).not.toContain('FINISHED');
    const reopened = await openTestDatabase(copy);
    try {
      expect(await factsAreCurrent(reopened.connection, 'figure_facts')).toBe(true);
      expect(await factsGeneration(reopened.connection, 'figure_facts')).toBe(await factsGeneration(db.connection, 'figure_facts'));
      expect((await computeFigures(reopened.connection, year)).meetings_held).toBe(7);
    } finally {
      reopened.close();
    }
  }, 90_000);
});
