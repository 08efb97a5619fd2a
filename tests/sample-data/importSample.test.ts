// The committed sample as `npm start` loads it, through the real importer: every file (the
// Swedish municipality's `sv-*.csv` exports included) loads without a rejection, and the
// deviation figures have something to show in every municipality.
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../etl/db/openDatabase.ts';
import { computeFiguresBy } from '../../etl/figures/computeFigures.ts';
import { importBatch } from '../../etl/load/importBatch.ts';
import type { ImportReport } from '../../etl/load/importReport.ts';
import { sampleDataDir } from '../../server/loadSampleData.ts';
import { openTestDatabase, queryRows } from '../helpers/testDatabase.ts';
import { testPseudonymKey } from '../helpers/testKey.ts';

let db: Database;
let report: ImportReport;
beforeAll(async () => {
  db = await openTestDatabase();
  report = await importBatch(db.connection, [sampleDataDir], { key: testPseudonymKey() });
});
afterAll(() => db?.close());

describe('importBatch on the committed sample-data/', () => {
  it('loads every row of every file, with no rejection and no ignored column', () => {
    expect(report.rejections).toEqual([]);
    expect(report.files.every((f) => f.rejected === 0 && f.inserted === f.read && f.ignored_columns.length === 0)).toBe(true);
  });

  it('reads the Swedish exports by their Swedish headers, each as its kind', () => {
    const swedish = report.files.filter((f) => basename(f.file).startsWith('sv-')).map((f) => [basename(f.file), f.kind]);
    expect(swedish).toEqual([
      ['sv-skolenheter.csv', 'schools'],
      ['sv-moten.csv', 'meetings'],
      ['sv-arenden.csv', 'cases'],
      ['sv-diskussioner.csv', 'discussions'],
      ['sv-atgarder.csv', 'measures'],
      ['sv-arshjul.csv', 'yearwheel'],
      ['sv-avvikelser.csv', 'deviations'],
    ]);
  });

  it('has four municipalities, Fjordvik (10 schools) the largest and Älvsunda the Swedish one with five', async () => {
    expect(await queryRows(db.connection, 'SELECT municipality, count(*)::INTEGER AS schools FROM schools GROUP BY 1 ORDER BY 2 DESC, 1')).toEqual([
      { municipality: 'Fjordvik', schools: 10 },
      { municipality: 'Lauvåsen', schools: 6 },
      { municipality: 'Älvsunda', schools: 5 },
      { municipality: 'Bjørkestrand', schools: 4 },
    ]);
  });

  it('gives the Swedish schools meetings, cases with Swedish labels read as codes, measures and a year wheel', async () => {
    const [row] = await queryRows(db.connection, `SELECT
        (SELECT count(*) FROM meetings JOIN schools USING (school_id) WHERE municipality = 'Älvsunda' AND status = 'cancelled')::INTEGER AS cancelled,
        (SELECT count(DISTINCT kind) FROM cases JOIN schools USING (school_id) WHERE municipality = 'Älvsunda')::INTEGER AS kinds,
        (SELECT count(DISTINCT outcome) FROM cases JOIN schools USING (school_id) WHERE municipality = 'Älvsunda')::INTEGER AS outcomes,
        (SELECT count(*) FROM meetings JOIN schools USING (school_id) WHERE municipality = 'Älvsunda' AND list_contains(participants, 'spesped_koordinator'))::INTEGER AS with_specialpedagog,
        (SELECT count(*) FROM measures JOIN cases USING (case_id) JOIN schools USING (school_id) WHERE municipality = 'Älvsunda' AND measures.level = 'system')::INTEGER AS system_measures`);
    expect(row!.cancelled).toBeGreaterThan(0);
    expect([row!.kinds, row!.outcomes]).toEqual([3, 3]);
    expect(row!.with_specialpedagog).toBeGreaterThan(50);
    expect(row!.system_measures).toBeGreaterThan(0);
  });

  it('has deviations in every municipality in each school year, some of principle, escalated, open and overdue', async () => {
    for (const from of ['2024-08-01', '2025-08-01']) {
      const to = `${Number(from.slice(0, 4)) + 1}-07-31`;
      const rows = await computeFiguresBy(db.connection, { from, to, asOf: to }, 'municipality');
      for (const r of rows) expect(r.deviations_reported, `${r.municipality} ${from}`).toBeGreaterThan(0);
      const sum = (key: 'deviations_of_principle' | 'deviations_escalated' | 'deviations_open' | 'deviations_answer_overdue') => rows.reduce((n, r) => n + (r[key] ?? 0), 0);
      expect([sum('deviations_of_principle'), sum('deviations_escalated'), sum('deviations_open'), sum('deviations_answer_overdue')].every((n) => n > 0), from).toBe(true);
    }
  });
});
