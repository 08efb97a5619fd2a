/**
 * A batch is one transaction: a process killed (SIGKILL) in the middle of a batch, after
 * some files are upserted inside it, leaves the database exactly as it was before the batch. The same
 * batch then imports normally.
 */
import { spawn } from 'node:child_process';
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
const dbPath = join(dir, 'kill.duckdb');
const key = testPseudonymKey();

/** Runs killableImport.ts until it has upserted `stopAfter` files (uncommitted), then kills it with SIGKILL. */
function importAndKill(files: readonly string[], stopAfter: number): Promise<{ marker: string; signal: NodeJS.Signals | null }> {
  const script = resolve(projectRoot, 'tests/helpers/killableImport.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dbPath, String(stopAfter), ...files], {
    cwd: projectRoot,
    // The killed import cannot remove its own temporary folder: keep it inside ours.
    env: { ...process.env, TMPDIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    let marker = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`no STAGED marker within 30 s; stdout: ${out}; stderr: ${err}`));
    }, 30_000);
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('STAGED '));
      if (line && !marker) {
        marker = line;
        process.kill(child.pid!, 'SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!marker) fail(new Error(`child exited (${code ?? signal}) before the marker; stdout: ${out}; stderr: ${err}`));
      else done({ marker, signal });
    });
  });
}

const schoolsBefore = [
  { ...baseRow('schools', 1), school_id: 'S1', school_name: 'Grønnåsen skole' },
  { ...baseRow('schools', 2), school_id: 'S2', school_name: 'Havbakken skole' },
];
const meetingsBefore = [{ ...baseRow('meetings', 1), meeting_id: 'M-0', school_id: 'S1' }];

// The batch that gets killed: changes an existing school, adds schools, meetings and cases.
const schoolsBatch = [
  { ...schoolsBefore[0]!, school_name: 'Grønnåsen skole (nytt navn)', students: '999' },
  { ...baseRow('schools', 3), school_id: 'S3' },
];
const meetingsBatch = Array.from({ length: 200 }, (_, i) => ({ ...baseRow('meetings', i), meeting_id: `KM-${i}`, school_id: i % 2 ? 'S1' : 'S3' }));
const casesBatch = Array.from({ length: 50 }, (_, i) => ({ ...baseRow('cases', i), case_id: `KC-${i}`, school_id: 'S3', student_ref: `E-K${i}` }));

let before: Record<string, TableDump>;
let afterKill: Record<string, TableDump>;
let marker: string;
let signal: NodeJS.Signals | null;
let batch: string[];
let report: ImportReport;
let afterImport: Record<string, TableDump>;

beforeAll(async () => {
  // Earlier data, including a quarantined row and an import log entry.
  const earlier = [
    writeCsv(dir, 'skoler-0.csv', tableOf('schools', [...schoolsBefore, { ...baseRow('schools', 9), school_id: 'S9', municipality: '' }])),
    writeCsv(dir, 'motelogg-0.csv', tableOf('meetings', meetingsBefore)),
  ];
  const db = await openTestDatabase(dbPath);
  const first = await importBatch(db.connection, earlier, { key });
  expect(first.rejections).toHaveLength(1);
  before = await dumpDatabase(db.connection);
  db.close();

  batch = [
    writeCsv(dir, 'skoler-1.csv', tableOf('schools', schoolsBatch)),
    writeCsv(dir, 'motelogg-1.csv', tableOf('meetings', meetingsBatch)),
    writeCsv(dir, 'saker-1.csv', tableOf('cases', casesBatch)),
  ];
  ({ marker, signal } = await importAndKill(batch, 2));

  const reopened = await openTestDatabase(dbPath);
  afterKill = await dumpDatabase(reopened.connection);
  report = await importBatch(reopened.connection, batch, { key });
  afterImport = await dumpDatabase(reopened.connection);
  reopened.close();
}, 90_000);
afterAll(removeTempDirs);

describe('importBatch killed with SIGKILL mid-batch', () => {
  it('the child was killed after upserting the second file of the batch, before the commit', () => {
    expect(marker).toBe(`STAGED ${batch[1]}`);
    expect(signal).toBe('SIGKILL');
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
