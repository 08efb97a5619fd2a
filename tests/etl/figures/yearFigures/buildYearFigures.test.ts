/**
 * The year figures (etl/figures/yearFigures/): every ended school year's figures for every
 * school, municipality and the whole country, kept in the database and served for exactly
 * the questions they answer. On the sample data (two ended school years at the fixed today):
 * - a kept answer is every key of the live answer, for every group, every grouping and
 *   every scope the server asks with (a viewer's school list included), and equals the
 *   independent SQL reference of the persisted-facts test;
 * - the kept rows are what is served (a row changed in the table comes back), and only for
 *   whole ended school years read as of their last day, and the running one read as of the
 *   day it was built, at every level;
 * - new facts (an import, a refresh) retire them, and the figures are live again;
 * - a read-only file is not written.
 */
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../../etl/db/openDatabase.ts';
import { refreshFigureFacts } from '../../../../etl/figures/facts/ensureFigureFacts.ts';
import { computeFigures, computeFiguresBy, type FigureQuery } from '../../../../etl/figures/index.ts';
import { buildYearFigures } from '../../../../etl/figures/yearFigures/buildYearFigures.ts';
import { copySampleDatabase } from '../../../helpers/sampleDatabase.ts';
import { makeTempDir, removeTempDirs } from '../../../helpers/tempDir.ts';
import { testPseudonymKey } from '../../../helpers/testKey.ts';
import { figureMismatches } from '../facts/figureMismatches.ts';
import { referenceFigures } from '../facts/referenceFigures.ts';

const today = '2026-12-01';
/** The sample data's school years: 2024/25 and 2025/26, both ended by `today`. */
const years = [2025, 2024];
const yearQuery = (year: number, extra: Partial<FigureQuery> = {}): FigureQuery => ({
  from: `${year}-08-01`,
  to: `${year + 1}-07-31`,
  asOf: `${year + 1}-07-31`,
  allowedSchools: null,
  ...extra,
});

let dir: string;
let db: Database;
let conn: DuckDBConnection;
let schoolIds: string[];
let municipalities: string[];

/** Every question the kept rows may answer, as the server asks them. */
function questions(year: number): Array<{ name: string; ask: () => Promise<unknown> }> {
  const some = schoolIds.slice(0, 3);
  const out = [
    { name: 'all', ask: () => computeFigures(conn, yearQuery(year)) },
    { name: 'by school', ask: () => computeFiguresBy(conn, yearQuery(year), 'school') },
    { name: 'by municipality', ask: () => computeFiguresBy(conn, yearQuery(year), 'municipality') },
    { name: 'by school, a viewer list', ask: () => computeFiguresBy(conn, yearQuery(year, { allowedSchools: some }), 'school') },
    { name: 'one school in a viewer list', ask: () => computeFigures(conn, yearQuery(year, { school: some[0], allowedSchools: some })) },
  ];
  for (const m of municipalities) {
    out.push({ name: `municipality ${m}`, ask: () => computeFigures(conn, yearQuery(year, { municipality: m })) });
    out.push({ name: `schools of ${m}`, ask: () => computeFiguresBy(conn, yearQuery(year, { municipality: m }), 'school') });
  }
  for (const s of schoolIds) out.push({ name: `school ${s}`, ask: () => computeFigures(conn, yearQuery(year, { school: s })) });
  return out;
}

async function answers(): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const year of years) for (const q of questions(year)) out.set(`${year} ${q.name}`, await q.ask());
  return out;
}

let live: Map<string, unknown>;
let built: number[];

beforeAll(async () => {
  dir = makeTempDir();
  const path = join(dir, 'sample.duckdb');
  await copySampleDatabase(path, testPseudonymKey());
  db = await openDatabase(path);
  conn = db.connection;
  schoolIds = (await conn.runAndReadAll('SELECT school_id FROM schools ORDER BY 1')).getRows().map((r) => String(r[0]));
  municipalities = (await conn.runAndReadAll('SELECT DISTINCT municipality FROM schools ORDER BY 1')).getRows().map((r) => String(r[0]));
  live = await answers();
  built = await buildYearFigures(conn, today);
}, 120_000);

afterAll(() => {
  db?.close();
  removeTempDirs();
});

async function keptRows(): Promise<number> {
  return Number((await conn.runAndReadAll('SELECT count(*) FROM figure_facts.year_figures')).getRows()[0]![0]);
}

describe('buildYearFigures', () => {
  it('keeps every ended school year, newest first, a row per school, municipality and the total', async () => {
    expect(built).toEqual(years);
    // 25 Norwegian and Swedish schools in 4 municipalities, and the total, per year.
    expect(schoolIds.length).toBe(25);
    expect(municipalities.length).toBe(4);
    expect(await keptRows()).toBe(2 * (25 + 4 + 1));
  });

  it('the running school year is kept as of today, and served only for that day', async () => {
    const path = join(dir, 'running.duckdb');
    await copySampleDatabase(path, testPseudonymKey());
    const running = await openDatabase(path);
    try {
      const c = running.connection;
      // 2025/26 is running on 15 March 2026: kept as of that day; 2024/25 as of its last day.
      expect(await buildYearFigures(c, '2026-03-15')).toEqual([2025, 2024]);
      const asOf = await c.runAndReadAll(`SELECT DISTINCT school_year, strftime(as_of, '%Y-%m-%d') FROM figure_facts.year_figures ORDER BY 1`);
      expect(asOf.getRows()).toEqual([[2024, '2025-07-31'], [2025, '2026-03-15']]);
      const q = (day: string) => yearQuery(2025, { asOf: day });
      const live = (await computeFigures(c, q('2026-03-15'))).open_cases;
      await c.run(`UPDATE figure_facts.year_figures SET row_json = json_object('open_cases', 31415)::VARCHAR WHERE school_year = 2025 AND grouping = 'all'`);
      expect((await computeFigures(c, q('2026-03-15'))).open_cases).toBe(31415);
      expect((await computeFigures(c, q('2026-03-16'))).open_cases).not.toBe(31415);
      expect((await computeFigures(c, q('2026-07-31'))).open_cases).not.toBe(31415);
      // The next day's build replaces the running year's rows.
      expect(await buildYearFigures(c, '2026-03-16')).toEqual([2025, 2024]);
      const after = await c.runAndReadAll(`SELECT DISTINCT strftime(as_of, '%Y-%m-%d') FROM figure_facts.year_figures WHERE school_year = 2025`);
      expect(after.getRows()).toEqual([['2026-03-16']]);
      expect(live).toBeGreaterThan(0);
    } finally {
      running.close();
    }
  });

  it('a second build finds every year kept and writes nothing', async () => {
    const before = await conn.runAndReadAll('SELECT count(*), max(rowid) FROM figure_facts.year_figures');
    expect(await buildYearFigures(conn, today)).toEqual(years);
    const after = await conn.runAndReadAll('SELECT count(*), max(rowid) FROM figure_facts.year_figures');
    expect(after.getRows()).toEqual(before.getRows());
  });
});

describe('kept answers', () => {
  it('equal the live answer of every question, every key, for both school years', async () => {
    const kept = await answers();
    expect([...kept.keys()]).toEqual([...live.keys()]);
    for (const [question, answer] of kept) expect({ question, answer }).toEqual({ question, answer: live.get(question) });
    // The sample is rich enough for the comparison to mean something.
    const municipalityRows = kept.get('2025 by municipality') as Array<{ meetings_held: number; km_median_days: number | null }>;
    expect(municipalityRows.every((r) => r.meetings_held > 0)).toBe(true);
  });

  it('equal the independent SQL reference for every school and municipality', async () => {
    for (const year of years) {
      const period = { from: `${year}-08-01`, to: `${year + 1}-07-31`, asOf: `${year + 1}-07-31` };
      const mismatches: string[] = [];
      for (const [grouping, by] of [['school_id', 'school'], ['municipality', 'municipality']] as const) {
        const expected = await referenceFigures(conn, grouping, period);
        const rows = (await computeFiguresBy(conn, yearQuery(year), by)) as unknown as Array<Record<string, unknown>>;
        expect(rows.length).toBe(expected.size);
        for (const row of rows) {
          const group = String(row[grouping]);
          const reference = expected.get(group)!;
          mismatches.push(...figureMismatches(`${year} ${group}`, Object.keys(reference), row, reference));
        }
      }
      expect(mismatches).toEqual([]);
    }
  });

  it('are what is served, and only for a whole ended school year read as of its last day, at every level', async () => {
    const m = municipalities[0]!;
    const before = (await computeFigures(conn, yearQuery(2024, { municipality: m }))).meetings_held;
    await conn.run(
      `UPDATE figure_facts.year_figures SET row_json = json_object('meetings_held', 987654)::VARCHAR
       WHERE school_year = 2024 AND grouping = 'municipality' AND group_key = $m`,
      { m },
    );
    expect((await computeFigures(conn, yearQuery(2024, { municipality: m }))).meetings_held).toBe(987654);
    // The same municipality asked any other way is computed live.
    expect((await computeFigures(conn, yearQuery(2024, { municipality: m, asOf: '2025-08-01' }))).meetings_held).toBe(before);
    expect((await computeFigures(conn, yearQuery(2024, { municipality: m, level: 'barneskole' }))).meetings_held).toBeLessThanOrEqual(before!);
    expect((await computeFigures(conn, yearQuery(2024, { municipality: m, to: '2025-07-30', asOf: '2025-07-30' }))).meetings_held).toBe(before);
    const mine = schoolIds.slice(0, 2);
    expect((await computeFigures(conn, yearQuery(2024, { municipality: m, allowedSchools: mine }))).meetings_held).not.toBe(987654);
  });

  it('new facts retire them: the figures are live again until they are built again', async () => {
    const m = municipalities[0]!;
    await refreshFigureFacts(conn);
    expect((await computeFigures(conn, yearQuery(2024, { municipality: m }))).meetings_held).not.toBe(987654);
    expect(await buildYearFigures(conn, today)).toEqual(years);
    // Only the new generation's rows remain.
    expect(await keptRows()).toBe(2 * (25 + 4 + 1));
    expect((await computeFigures(conn, yearQuery(2024, { municipality: m }))).meetings_held).toBe(
      (live.get(`2024 municipality ${m}`) as { meetings_held: number }).meetings_held,
    );
  });
});

describe('rows of other figure SQL', () => {
  it('are not served, and the next build replaces them', async () => {
    const m = municipalities[1]!;
    const expected = (live.get(`2025 municipality ${m}`) as { meetings_held: number }).meetings_held;
    await conn.run(
      `UPDATE figure_facts.year_figures SET sql_version = 'another', row_json = json_object('meetings_held', 55555)::VARCHAR WHERE school_year = 2025`,
    );
    expect((await computeFigures(conn, yearQuery(2025, { municipality: m }))).meetings_held).toBe(expected);
    expect(await buildYearFigures(conn, today)).toEqual(years);
    const versions = await conn.runAndReadAll(`SELECT count(*) FILTER (sql_version = 'another') FROM figure_facts.year_figures`);
    expect(Number(versions.getRows()[0]![0])).toBe(0);
    expect((await computeFigures(conn, yearQuery(2025, { municipality: m }))).meetings_held).toBe(expected);
  });
});

describe('a read-only file', () => {
  it('is not written, and its own current year figures are still served', async () => {
    const path = join(dir, 'readonly.duckdb');
    await copySampleDatabase(path, testPseudonymKey());
    const writer = await openDatabase(path);
    await buildYearFigures(writer.connection, today);
    await writer.connection.run(`UPDATE figure_facts.year_figures SET row_json = json_object('meetings_held', 4242)::VARCHAR WHERE school_year = 2025 AND grouping = 'all'`);
    writer.close();
    const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
    const reader = await instance.connect();
    try {
      expect(await buildYearFigures(reader, today)).toEqual([]);
      expect((await computeFigures(reader, yearQuery(2025))).meetings_held).toBe(4242);
    } finally {
      reader.closeSync();
      instance.closeSync();
    }
  });
});
