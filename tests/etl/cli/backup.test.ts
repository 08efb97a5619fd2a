/**
 * `etl -- backup` then `etl -- restore`: the new database holds every table of the original
 * row for row (EXCEPT ALL both ways), the key is copied with a warning, the import sequence
 * carries on, and neither command overwrites anything.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import { loadOrCreatePseudonymKey } from '../../../etl/load/pseudonymKey.ts';
import { createDemoUsers } from '../../../server/demoUsers.ts';
import { sampleDataDir } from '../../../server/loadSampleData.ts';
import { runEtl, type EtlRun } from '../../helpers/runEtl.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { writeText } from '../../helpers/writeCsv.ts';

const dir = makeTempDir('rt-backup-');
const original = join(dir, 'original', 'ressursteam.duckdb');
const restored = join(dir, 'restored', 'ressursteam.duckdb');
const backup = join(dir, 'kopi');
let backupRun: EtlRun;
let restoreRun: EtlRun;

beforeAll(async () => {
  const db = await openDatabase(original);
  const key = loadOrCreatePseudonymKey(join(dir, 'original', 'pseudonym.key'));
  await importBatch(db.connection, [sampleDataDir], { key, actor: { username: 'ole', via: 'cli' } });
  // A second batch with a quarantined row, so the quarantine and history have rows too.
  await importBatch(db.connection, [writeText(dir, 'saker.csv', 'case_id,school_id,kind,first_concern_date\nX-1,999999999,individual,2024-09-01\n')], { key });
  await createDemoUsers(db.connection);
  db.close();
  backupRun = await runEtl(['backup', backup, '--db', original], { timeoutMs: 120_000 });
  restoreRun = await runEtl(['restore', backup, '--db', restored], { timeoutMs: 120_000 });
}, 300_000);
afterAll(() => removeTempDirs());

/** Every persistent table of a database (all schemas), as schema.table. */
async function tables(conn: Awaited<ReturnType<DuckDBInstance['connect']>>, catalog: string): Promise<string[]> {
  const result = await conn.runAndReadAll(
    `SELECT schema_name || '.' || table_name FROM duckdb_tables() WHERE database_name = '${catalog}' AND NOT temporary ORDER BY 1`,
  );
  return result.getRows().map((r) => String(r[0]));
}

describe('backup and restore', () => {
  it('writes the export and the key, warning where to keep the key', () => {
    expect(backupRun.code).toBe(0);
    expect(existsSync(join(backup, 'database', 'schema.sql'))).toBe(true);
    expect(readFileSync(join(backup, 'pseudonym.key'), 'utf8')).toBe(readFileSync(join(dir, 'original', 'pseudonym.key'), 'utf8'));
    expect(backupRun.stderr).toMatch(/^ADVARSEL: pseudonymnøkkelen er kopiert til .*pseudonym\.key\.\nFlytt den bort fra databasekopien/);
  });

  it('builds a database whose every table equals the original, row for row', async () => {
    expect(restoreRun.code).toBe(0);
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    await conn.run(`ATTACH '${original}' AS a (READ_ONLY)`);
    await conn.run(`ATTACH '${restored}' AS b (READ_ONLY)`);
    const names = await tables(conn, 'a');
    expect(names).toEqual(expect.arrayContaining(['main.cases', 'main.quarantine', 'main.import_batches', 'main.users', 'main.meta']));
    expect(await tables(conn, 'b')).toEqual(names);
    for (const name of names) {
      const [schema, table] = name.split('.');
      const q = (db: string) => `${db}."${schema}"."${table}"`;
      const count = async (sql: string) => Number((await conn.runAndReadAll(sql)).getRows()[0]![0]);
      const onlyInOriginal = await count(`SELECT count(*) FROM (SELECT * FROM ${q('a')} EXCEPT ALL SELECT * FROM ${q('b')})`);
      const onlyInRestored = await count(`SELECT count(*) FROM (SELECT * FROM ${q('b')} EXCEPT ALL SELECT * FROM ${q('a')})`);
      expect([name, onlyInOriginal, onlyInRestored]).toEqual([name, 0, 0]);
    }
    const rows = Number((await conn.runAndReadAll('SELECT count(*) FROM b.main.cases')).getRows()[0]![0]);
    expect(rows).toBeGreaterThan(100);
    conn.closeSync();
    instance.closeSync();
    expect(statSync(restored).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'restored', 'pseudonym.key'), 'utf8')).toBe(readFileSync(join(dir, 'original', 'pseudonym.key'), 'utf8'));
  });

  it('carries the import sequence on: the next batch after a restore is number 3', async () => {
    const db = await openDatabase(restored);
    try {
      const key = loadOrCreatePseudonymKey(join(dir, 'restored', 'pseudonym.key'));
      const report = await importBatch(db.connection, [writeText(dir, 'skoler.csv', 'skole_id;skolenavn;kommune\n990000001;Ny skole;Fjordvik\n')], { key });
      expect(report.batch_id).toBe(3);
    } finally {
      db.close();
    }
  });

  it('overwrites nothing: a used backup folder and an existing database are refused', async () => {
    const again = await runEtl(['backup', backup, '--db', original]);
    expect([again.code, again.stderr]).toEqual([1, `feil: mappen ${backup} er ikke tom; velg en ny mappe for sikkerhetskopien\n`]);
    const over = await runEtl(['restore', backup, '--db', original]);
    expect([over.code, over.stderr]).toEqual([1, `feil: ${original} finnes allerede; gjenopprett til en ny databasefil\n`]);
  });
});
