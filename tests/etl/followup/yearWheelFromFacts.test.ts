/**
 * The year wheel's items read from the figure facts (etl/followup/yearWheelItems.ts) equal
 * what the same rules give on the contract tables: the reference below is the earlier SQL,
 * written out here, that read `meetings` and `yearwheel` directly. Every school, several
 * periods and as-of dates, on the sample data and on a seeded larger data set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../etl/db/openDatabase.ts';
import type { FigureQuery } from '../../../etl/figures/figureQuery.ts';
import { runFigureSql } from '../../../etl/figures/runFigureSql.ts';
import { scopeCte } from '../../../etl/figures/scopeSql.ts';
import { yearWheelItems } from '../../../etl/followup/yearWheelItems.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import { generate } from '../../../sample-data/generate.ts';
import { readOnlySample } from '../../helpers/readOnlySample.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';

const iso = (column: string) => `strftime(${column}, '%Y-%m-%d')`;

const referencePlanSql = `WITH ${scopeCte('all')}
, held AS (
  SELECT m.school_id, m.date, coalesce(list_contains(m.participants, 'tgl'), false) AS tgl_present
  FROM meetings m JOIN scope sc ON sc.school_id = m.school_id
  WHERE coalesce(m.status, 'held') = 'held'
), candidates AS (
  SELECT y.school_id, y.date, y.activity, y.topic, h.date AS meeting_date,
         row_number() OVER (PARTITION BY y.school_id, y.date, y.activity ORDER BY abs(h.date - y.date), h.date) AS nearest
  FROM yearwheel y JOIN scope sc ON sc.school_id = y.school_id
  LEFT JOIN held h ON h.school_id = y.school_id
    AND h.date BETWEEN y.date - 3 AND y.date + 3
    AND (y.activity <> 'tgl_visit' OR h.tgl_present)
  WHERE y.date BETWEEN $from AND $to
)
SELECT school_id, ${iso('date')} AS date, activity, topic,
       CASE WHEN date > $as_of THEN 'upcoming' WHEN meeting_date IS NOT NULL THEN 'done' ELSE 'missed' END AS status,
       ${iso('meeting_date')} AS matched_meeting_date
FROM candidates WHERE nearest = 1
ORDER BY date, school_id, activity`;

const referenceMeetingSql = `WITH ${scopeCte('all')}
SELECT m.meeting_id, m.school_id, ${iso('m.date')} AS date,
       CASE WHEN coalesce(m.status, 'held') = 'held' THEN 'held' ELSE 'cancelled' END AS status,
       coalesce(list_contains(m.participants, 'tgl'), false) AS tgl_present
FROM meetings m JOIN scope sc ON sc.school_id = m.school_id
WHERE m.date BETWEEN $from AND $to
ORDER BY m.date, m.school_id, m.meeting_id`;

const periods: readonly FigureQuery[] = [
  { from: '2024-08-01', to: '2025-07-31', asOf: '2025-08-01' },
  { from: '2025-08-01', to: '2026-07-31', asOf: '2026-02-10' },
  { from: '2024-10-01', to: '2024-10-31', asOf: '2024-10-15' },
];

async function compareEverySchool(conn: DuckDBConnection): Promise<{ plans: number; statuses: Set<string> }> {
  const schools = (await conn.runAndReadAll('SELECT school_id FROM schools ORDER BY school_id')).getRows().map((r) => String(r[0]));
  let plans = 0;
  const statuses = new Set<string>();
  for (const period of periods) {
    for (const school of schools) {
      const q: FigureQuery = { ...period, school, allowedSchools: null };
      const now = await yearWheelItems(conn, q);
      const plan = await runFigureSql(conn, referencePlanSql, q);
      const meetings = await runFigureSql(conn, referenceMeetingSql, q);
      expect(JSON.stringify(now), `${school} ${period.from}`).toBe(JSON.stringify({ plan, meetings }));
      plans += plan.length;
      for (const p of now.plan) statuses.add(`${p.activity}:${p.status}`);
    }
  }
  return { plans, statuses };
}

describe('the year wheel from the facts equals the contract tables', () => {
  it('on the sample data, every school', async () => {
    const sample = await readOnlySample('rt-wheel-facts-');
    try {
      const { plans, statuses } = await compareEverySchool(sample.conn);
      expect(plans).toBeGreaterThan(500);
      // Every status of meetings and TGL visits occurred, and other activities were done.
      for (const s of ['meeting:done', 'meeting:missed', 'meeting:upcoming', 'tgl_visit:done', 'tgl_visit:missed', 'survey_review:done']) expect(statuses).toContain(s);
    } finally {
      sample.close();
    }
  }, 300_000);

  it('on a seeded larger data set (60 schools, 2 school years), every school', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rt-wheel-facts-60-'));
    try {
      await generate({ scale: { schools: 60, years: 2 }, out: join(dir, 'csv'), seed: 20261203 });
      const path = join(dir, 'data.duckdb');
      const db = await openDatabase(path);
      await importBatch(db.connection, [join(dir, 'csv')], { key: testPseudonymKey() });
      db.close();
      const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
      const conn = await instance.connect();
      try {
        const { plans } = await compareEverySchool(conn);
        expect(plans).toBeGreaterThan(1000);
      } finally {
        conn.closeSync();
        instance.closeSync();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
