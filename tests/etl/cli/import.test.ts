/**
 * The command line of contract section 5: `import <folder> --db <path> --json` prints one
 * JSON report and exits 0 even with rejected rows; a batch that cannot be loaded exits
 * non-zero with the reason on stderr and loads nothing; `quarantine --json` lists the
 * rejections later.
 */
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinds } from '../../../etl/contract/index.ts';
import { documentedRejections, exampleExportsDir, exampleSecrets, expectedFiles } from '../../helpers/exampleExports.ts';
import { runEtl, type EtlRun } from '../../helpers/runEtl.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { countRows, openTestDatabase } from '../../helpers/testDatabase.ts';

const examples = exampleExportsDir;
const root = makeTempDir('rt-cli-');
afterAll(removeTempDirs);

const fileKeys = ['file', 'kind', 'read', 'inserted', 'updated', 'unchanged', 'rejected', 'ignored_columns'].sort();
const rejectionKeys = ['file', 'line', 'column', 'reason'].sort();

interface Report {
  files: Array<Record<string, unknown>>;
  rejections: Array<{ file: string; line: number; column: string | null; reason: string }>;
}

/** Row counts of every table the importer writes (data, quarantine, import log); null when there is no database file. */
async function storedRows(dbPath: string): Promise<Record<string, number> | null> {
  if (!existsSync(dbPath)) return null;
  const db = await openTestDatabase(dbPath);
  try {
    const counts: Record<string, number> = {};
    for (const table of [...kinds.map((k) => k.kind), 'quarantine', 'import_batches']) counts[table] = await countRows(db.connection, table);
    return counts;
  } finally {
    db.close();
  }
}

// The runs are independent (one database each): start them all at once to keep the suite fast.
const okDb = join(root, 'ok', 'ressursteam.duckdb');
mkdirSync(dirname(okDb));
const okRuns = runEtl(['import', examples, '--db', okDb, '--json']).then(async (run) => ({
  run,
  quarantine: await runEtl(['quarantine', '--db', okDb, '--json']),
}));

describe('etl import --json on the example exports', () => {
  const dbPath = okDb;
  let run: EtlRun;
  let report: Report;
  let quarantine: EtlRun;

  beforeAll(async () => {
    ({ run, quarantine } = await okRuns);
    report = JSON.parse(run.stdout) as Report;
  }, 120_000);

  it('etl import exits 0 even though rows were rejected', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(report.rejections.length).toBeGreaterThan(0);
  });

  it('etl import prints exactly one JSON object on stdout', () => {
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(typeof report).toBe('object');
    expect(Array.isArray(report)).toBe(false);
    expect(report).toEqual(expect.objectContaining({ files: expect.any(Array), rejections: expect.any(Array) }));
  });

  it('etl import reports each file in the contract shape', () => {
    expect(report.files).toHaveLength(8);
    for (const f of report.files) {
      expect(Object.keys(f).sort()).toEqual(fileKeys);
      expect(f).toEqual({
        file: expect.any(String), kind: expect.any(String), read: expect.any(Number), inserted: expect.any(Number), updated: 0,
        unchanged: 0, rejected: documentedRejections[basename(f.file as string)], ignored_columns: expect.any(Array),
      });
      expect(f.inserted).toBe((f.read as number) - (f.rejected as number));
    }
  });

  it('etl import reports each rejection in the contract shape: file, 1-based line, column, reason', () => {
    expect(report.rejections).toHaveLength(Object.values(documentedRejections).reduce((a, b) => a + b, 0));
    for (const r of report.rejections) {
      expect(Object.keys(r).sort()).toEqual(rejectionKeys);
      expect(r).toEqual({ file: expect.stringContaining(examples), line: expect.any(Number), column: expect.any(String), reason: expect.any(String) });
      expect(r.line).toBeGreaterThanOrEqual(2);
    }
  });

  it('etl import reports exactly the documented rejections: file, line, column, reason', () => {
    const expected = Object.entries(expectedFiles).flatMap(([name, f]) => f.rejections.map(([line, column, reason]) => ({ file: join(examples, name), line, column, reason })));
    expect(report.rejections).toEqual(expected);
  });

  it.each(exampleSecrets)('etl import and etl quarantine print %j nowhere (stdout or stderr)', (secret) => {
    for (const output of [run.stdout, run.stderr, quarantine.stdout, quarantine.stderr]) expect(output).not.toContain(secret);
  });

  it('etl import keeps the pseudonym key beside the database, readable by its owner only', () => {
    expect(statSync(join(dirname(dbPath), 'pseudonym.key')).mode & 0o777).toBe(0o600);
  });

  it('etl quarantine --json lists the same rejections later', () => {
    expect(quarantine.code, quarantine.stderr).toBe(0);
    const rows = JSON.parse(quarantine.stdout) as Array<Record<string, unknown>>;
    const shown = rows.map((r) => ({ file: r.file, line: r.line, column: r.column, reason: r.reason }));
    const key = (r: { file: unknown; line: unknown }) => `${String(r.file)}:${String(r.line).padStart(6, '0')}`;
    expect([...shown].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...report.rejections].sort((a, b) => key(a).localeCompare(key(b))));
    expect(new Set(rows.map((r) => r.batch_id))).toEqual(new Set([1]));
  });
});

describe('etl import of a batch that cannot be loaded', () => {
  const cases = [
    { name: 'a missing file', bad: (dir: string) => join(dir, 'finnes-ikke.csv'), write: false, reason: /finnes-ikke\.csv: filen eller mappen finnes ikke/ },
    { name: 'a file of unknown kind (header foo,bar)', bad: (dir: string) => join(dir, 'ukjent.csv'), write: 'foo,bar\n1,2\n', reason: /ukjent\.csv: ukjent filtype/ },
    { name: 'an empty file', bad: (dir: string) => join(dir, 'tom.csv'), write: '', reason: /tom\.csv: filen er tom/ },
  ] as const;
  const runs = new Map<string, { run: EtlRun; dbPath: string }>();
  const started = Promise.all(
    cases.map(async (c, i) => {
      // A good file beside the bad one: the whole batch must still load nothing.
      const dir = join(root, `bad-${i}`);
      mkdirSync(dir);
      copyFileSync(join(examples, 'skoler.csv'), join(dir, 'skoler.csv'));
      const bad = c.bad(dir);
      if (c.write !== false) writeFileSync(bad, c.write);
      const dbPath = join(dir, 'db', 'ressursteam.duckdb');
      const run = await runEtl(['import', join(dir, 'skoler.csv'), bad, '--db', dbPath, '--json']);
      runs.set(c.name, { run, dbPath });
    }),
  );

  beforeAll(() => started, 120_000);

  it.each(cases)('etl import with $name exits non-zero with the reason on stderr', ({ name, reason }) => {
    const { run } = runs.get(name)!;
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(reason);
    expect(run.stdout).toBe('');
  });

  it.each(cases)('etl import with $name loads nothing', async ({ name }) => {
    const counts = await storedRows(runs.get(name)!.dbPath);
    if (counts !== null) expect(Object.values(counts).every((n) => n === 0), JSON.stringify(counts)).toBe(true);
  });
});
