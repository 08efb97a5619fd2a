/**
 * A batch is one transaction. A process killed (SIGKILL) in the middle of a batch, after some
 * files are upserted inside it, leaves the database exactly as it was before the batch; one
 * killed while COMMIT runs leaves it either exactly as before or fully updated, never in
 * between, and the file opens. In both the child reports, at the moment it stops, the row
 * counts its own connection sees (its uncommitted rows) and those a second connection sees
 * (the committed state): they differ, so the stop is inside the open transaction — a hook
 * moved before BEGIN or after COMMIT fails here. The same batch then imports normally.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../etl/db/defaultPaths.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import type { ImportReport } from '../../../etl/load/importReport.ts';
import { baseRow, tableOf } from '../../helpers/contractRows.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { dumpDatabase, openTestDatabase, type TableDump } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';
import { writeCsv } from '../../helpers/writeCsv.ts';

const dir = makeTempDir('rt-kill-');
const key = testPseudonymKey();

interface ChildRun {
  marker: string;
  counts: { inside: Record<string, number>; outside: Record<string, number> };
  finished: boolean;
  /** Bytes of write-ahead log the child saw COMMIT write before it killed itself (0 when it did not say). */
  walBytes: number;
  signal: NodeJS.Signals | null;
}

/**
 * Runs killableImport.ts until it prints the marker (`STAGED` or `COMMITTING`). A `STAGED`
 * child is killed here on the marker; a `COMMITTING` child kills itself while COMMIT runs.
 */
function runChild(dbPath: string, stopAt: string, files: readonly string[]): Promise<ChildRun> {
  const script = resolve(projectRoot, 'tests/helpers/killableImport.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dbPath, stopAt, ...files], {
    cwd: projectRoot,
    // The killed import cannot remove its own temporary folder: keep it inside ours.
    env: { ...process.env, TMPDIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    let markerLine = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`no marker within 60 s; stdout: ${out}; stderr: ${err}`));
    }, 60_000);
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => /^(STAGED|COMMITTING) .*\}$/.test(l));
      if (line && !markerLine) {
        markerLine = line;
        if (line.startsWith('STAGED ')) process.kill(child.pid!, 'SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (!markerLine) return fail(new Error(`child exited (${_code ?? signal}) before the marker; stdout: ${out}; stderr: ${err}`));
      const json = markerLine.slice(markerLine.indexOf('{'));
      const walBytes = Number(/^KILLED with (\d+) bytes of WAL written$/m.exec(out)?.[1] ?? 0);
      done({ marker: markerLine.slice(0, markerLine.indexOf('{') - 1), counts: JSON.parse(json), finished: out.includes('FINISHED'), walBytes, signal });
    });
  });
}

/** The tables without the import time (it differs between two imports of the same batch). */
function withoutTimes(dump: Record<string, TableDump>): Record<string, TableDump> {
  const batches = dump.import_batches!;
  const at = batches.columns.indexOf('imported_at');
  return { ...dump, import_batches: { columns: batches.columns.filter((_, i) => i !== at), rows: batches.rows.map((r) => r.filter((_, i) => i !== at)) } };
}

const schoolsBefore = [
  { ...baseRow('schools', 1), school_id: 'S1', school_name: 'Grønnåsen skole' },
  { ...baseRow('schools', 2), school_id: 'S2', school_name: 'Havbakken skole' },
];
const meetingsBefore = [{ ...baseRow('meetings', 1), meeting_id: 'M-0', school_id: 'S1' }];
/** Row counts before each batch, written by hand: three schools (one row rejected), one meeting. */
const countsBefore = { schools: 2, meetings: 1, cases: 0, quarantine: 1, import_batches: 1 };

// The batch that gets killed: changes an existing school, adds schools, meetings and cases.
const schoolsBatch = [
  { ...schoolsBefore[0]!, school_name: 'Grønnåsen skole (nytt navn)', students: '999' },
  { ...baseRow('schools', 3), school_id: 'S3' },
];
const casesBatch = Array.from({ length: 50 }, (_, i) => ({ ...baseRow('cases', i), case_id: `KC-${i}`, school_id: 'S3', student_ref: `E-K${i}` }));
const meetings = (n: number) => Array.from({ length: n }, (_, i) => ({ ...baseRow('meetings', i), meeting_id: `KM-${i}`, school_id: i % 2 ? 'S1' : 'S3' }));
/** Enough meetings that COMMIT has real work to do while the child kills itself. */
const bigMeetings = 10_000;

let beforeDbPath: string;
let before: Record<string, TableDump>;

beforeAll(async () => {
  // Earlier data, including a quarantined row and an import log entry.
  const earlier = [
    writeCsv(dir, 'skoler-0.csv', tableOf('schools', [...schoolsBefore, { ...baseRow('schools', 9), school_id: 'S9', municipality: '' }])),
    writeCsv(dir, 'motelogg-0.csv', tableOf('meetings', meetingsBefore)),
  ];
  beforeDbPath = join(dir, 'before.duckdb');
  const db = await openTestDatabase(beforeDbPath);
  const first = await importBatch(db.connection, earlier, { key });
  expect(first.rejections).toHaveLength(1);
  before = await dumpDatabase(db.connection);
  db.close();
  expect(existsSync(`${beforeDbPath}.wal`)).toBe(false);
}, 60_000);
afterAll(removeTempDirs);

/** A copy of the database as it was before the batch. */
function copyOfBefore(name: string): string {
  const path = join(dir, name);
  copyFileSync(beforeDbPath, path);
  return path;
}

describe('importBatch killed with SIGKILL mid-batch, after the second file is upserted', () => {
  let run: ChildRun;
  let batch: string[];
  let afterKill: Record<string, TableDump>;
  let report: ImportReport;
  let afterImport: Record<string, TableDump>;

  beforeAll(async () => {
    const dbPath = copyOfBefore('mid-batch.duckdb');
    batch = [
      writeCsv(dir, 'skoler-1.csv', tableOf('schools', schoolsBatch)),
      writeCsv(dir, 'motelogg-1.csv', tableOf('meetings', meetings(200))),
      writeCsv(dir, 'saker-1.csv', tableOf('cases', casesBatch)),
    ];
    run = await runChild(dbPath, 'loaded:2', batch);
    const reopened = await openTestDatabase(dbPath);
    afterKill = await dumpDatabase(reopened.connection);
    report = await importBatch(reopened.connection, batch, { key });
    afterImport = await dumpDatabase(reopened.connection);
    reopened.close();
  }, 90_000);

  it('the child stopped after upserting the second file and was killed', () => {
    expect(run.marker).toBe(`STAGED ${batch[1]}`);
    expect(run.signal).toBe('SIGKILL');
    expect(run.finished).toBe(false);
  });

  it('the child stopped inside the transaction: its own connection saw its uncommitted schools and meetings, another connection did not', () => {
    expect(run.counts.inside).toEqual({ ...countsBefore, schools: 3, meetings: 201 });
    expect(run.counts.outside).toEqual(countsBefore);
  });

  it('the database after the kill is exactly as before the batch (every table)', () => {
    expect(afterKill).toEqual(before);
    expect(afterKill.schools!.rows.map((r) => r[1])).toEqual(['Grønnåsen skole', 'Havbakken skole']);
    expect(afterKill.meetings!.rows).toHaveLength(1);
    expect(afterKill.import_batches!.rows).toHaveLength(1);
    expect(afterKill.quarantine!.rows).toHaveLength(1);
  });

  it('the same batch then imports normally', () => {
    expect(report.rejections).toEqual([]);
    expect(report.files.map((f) => [f.kind, f.inserted, f.updated, f.unchanged])).toEqual([
      ['schools', 1, 1, 0],
      ['meetings', 200, 0, 0],
      ['cases', 50, 0, 0],
    ]);
    expect(afterImport.schools!.rows.map((r) => r[1])).toEqual(['Grønnåsen skole (nytt navn)', 'Havbakken skole', 'Skole 3']);
    expect(afterImport.meetings!.rows).toHaveLength(201);
    expect(afterImport.cases!.rows).toHaveLength(50);
    expect(afterImport.import_batches!.rows).toHaveLength(2);
  });
});

describe('importBatch killed with SIGKILL while COMMIT runs', () => {
  let run: ChildRun;
  let afterKill: Record<string, TableDump>;
  let committed: Record<string, TableDump>;
  let reimport: ImportReport;
  let afterReimport: Record<string, TableDump>;

  beforeAll(async () => {
    const batch = [
      writeCsv(dir, 'skoler-2.csv', tableOf('schools', schoolsBatch)),
      writeCsv(dir, 'motelogg-2.csv', tableOf('meetings', meetings(bigMeetings))),
      // One case with an unknown school: the batch also writes the quarantine.
      writeCsv(dir, 'saker-2.csv', tableOf('cases', [...casesBatch, { ...baseRow('cases', 99), case_id: 'KC-X', school_id: 'S-UKJENT' }])),
    ];
    // The reference: the same batch imported normally into another copy of the database.
    const referenceDb = await openTestDatabase(copyOfBefore('reference.duckdb'));
    await importBatch(referenceDb.connection, batch, { key });
    committed = await dumpDatabase(referenceDb.connection);
    referenceDb.close();

    const dbPath = copyOfBefore('commit.duckdb');
    run = await runChild(dbPath, 'commit', batch);
    const reopened = await openTestDatabase(dbPath);
    afterKill = await dumpDatabase(reopened.connection);
    reimport = await importBatch(reopened.connection, batch, { key });
    afterReimport = await dumpDatabase(reopened.connection);
    reopened.close();
  }, 120_000);

  it('the child got to COMMIT and was killed while COMMIT was writing, before it returned', () => {
    expect(run.marker).toBe('COMMITTING');
    expect(run.walBytes).toBeGreaterThan(0);
    expect(run.signal).toBe('SIGKILL');
    expect(run.finished).toBe(false);
  });

  it('the child stopped inside the transaction, everything written: its own connection saw the whole batch, another connection nothing of it', () => {
    expect(run.counts.inside).toEqual({ schools: 3, meetings: 1 + bigMeetings, cases: 50, quarantine: 2, import_batches: 2 });
    expect(run.counts.outside).toEqual(countsBefore);
  });

  it('the reference import committed the whole batch', () => {
    expect(committed.meetings!.rows).toHaveLength(1 + bigMeetings);
    expect(committed.import_batches!.rows).toHaveLength(2);
  });

  it('the database after the kill opens and is exactly as before the batch or exactly as after it, never in between', () => {
    const state = withoutTimes(afterKill);
    const matches = [withoutTimes(before), withoutTimes(committed)].filter((expected) => JSON.stringify(expected) === JSON.stringify(state));
    expect(matches, `meetings ${afterKill.meetings!.rows.length}, batches ${afterKill.import_batches!.rows.length}`).toHaveLength(1);
  });

  it('the same batch then imports again and the data equals the reference', () => {
    const fresh = afterKill.import_batches!.rows.length === 1;
    expect(reimport.files.map((f) => [f.kind, f.rejected])).toEqual([['schools', 0], ['meetings', 0], ['cases', 1]]);
    expect(reimport.files.map((f) => f.inserted)).toEqual(fresh ? [1, bigMeetings, 50] : [0, 0, 0]);
    for (const table of ['schools', 'meetings', 'cases', 'discussions']) expect(afterReimport[table], table).toEqual(committed[table]);
  });
});
