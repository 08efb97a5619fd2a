/**
 * Computes the year figures: for every school year of the data that has ended by `today`,
 * every key figure for every school, every municipality and the whole country, read as of
 * the year's last day (what the dashboard asks for an ended year), and the same for the
 * running school year read as of `today` (what it asks for the running year); kept beside
 * the facts (yearFiguresTable.ts) so that such a question is one small lookup
 * (storedYearRows.ts) instead of a figure query over the facts.
 *
 * Each year is computed and written in a transaction of its own, stamped with the generation
 * of the facts that transaction reads: the running year first, then the ended ones newest
 * first; a year already kept for the current facts, SQL and as-of date is skipped. The
 * running year's rows hold for the day they were built: the next day they no longer match
 * and are computed live until the next build (the warmer builds again when the day changes). At national scale a year costs about 2–3 s of both cores
 * (three figure queries; each row goes through runFigureSql, so it holds exactly the values
 * a live query gives); the server runs this after each warming pass (AnswerWarmer.ts).
 * A read-only file whose own facts are current cannot be written: nothing is built there.
 */
import { DATE, LIST, VARCHAR, INTEGER, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { defaultAsOf, schoolYearOf, schoolYearPeriod, schoolYearsInSpan } from '../../calendar/period.ts';
import { FACTS } from '../facts/factTables.ts';
import { ensureFigureFacts, isReadOnly, type FactsLocation } from '../facts/ensureFigureFacts.ts';
import { keyFiguresSql } from '../keyFiguresSql.ts';
import { dateParameter } from '../queryParameters.ts';
import { runFigureSql, type PlainRow } from '../runFigureSql.ts';
import { currentGenerationSql, figureSqlVersion, yearFiguresDdl, yearFiguresTable, type KeptGrouping } from './yearFiguresTable.ts';

export interface YearFiguresOptions {
  /** Asked before each year: true ends the build there (the server stopping, new data). */
  readonly shouldStop?: () => boolean | Promise<boolean>;
}

interface KeptRow {
  readonly grouping: KeptGrouping;
  readonly key: string;
  readonly municipality: string | null;
  readonly json: string;
}

/** The school years the facts span, oldest first (as /api/meta's span, from the facts). */
async function factYears(conn: DuckDBConnection, at: FactsLocation, today: string): Promise<number[]> {
  const reader = await conn.runAndReadAll(
    `SELECT strftime(min(d), '%Y-%m-%d'), strftime(max(d), '%Y-%m-%d') FROM (
       SELECT min(date) AS d FROM ${at}.meetings UNION ALL SELECT max(date) FROM ${at}.meetings
       UNION ALL SELECT min(first_concern_date) FROM ${at}.cases UNION ALL SELECT max(closed_date) FROM ${at}.cases)`,
  );
  const [first, last] = reader.getRowsJS()[0] as [string | null, string | null];
  if (first === null || last === null) return [];
  return schoolYearsInSpan({ first_date: first, last_date: last }, today);
}

/** JSON keeps every finite number exactly; a year with any other number is not kept. */
const storable = (row: PlainRow) => Object.values(row).every((v) => typeof v !== 'number' || Number.isFinite(v));

/** A school year and the date it is read as of. */
interface KeptYear {
  readonly year: number;
  readonly asOf: string;
}

/** Every group's row of school year `year` read as of `asOf`; null when one cannot be kept. */
async function yearRows(conn: DuckDBConnection, at: FactsLocation, { year, asOf }: KeptYear): Promise<KeptRow[] | null> {
  const q = { ...schoolYearPeriod(year, 'year'), asOf, allowedSchools: null };
  const kept: KeptRow[] = [];
  for (const grouping of ['all', 'school', 'municipality'] as const) {
    for (const row of await runFigureSql(conn, keyFiguresSql(grouping, 'whole'), q, at)) {
      if (!storable(row)) return null;
      const municipality = grouping === 'all' ? null : String(row.municipality);
      const key = grouping === 'all' ? '' : grouping === 'school' ? String(row.school_id) : municipality!;
      kept.push({ grouping, key, municipality, json: JSON.stringify(row) });
    }
  }
  // Sorted, so that a lookup's filters find their rows in few vectors.
  const order = (r: KeptRow) => `${r.grouping}\u0000${r.key}`;
  return kept.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

async function isKept(conn: DuckDBConnection, at: FactsLocation, { year, asOf }: KeptYear): Promise<boolean> {
  const reader = await conn.runAndReadAll(
    `SELECT count(*) > 0 FROM ${yearFiguresTable(at)}
     WHERE school_year = $year AND as_of = $asOf AND sql_version = $version AND generation = ${currentGenerationSql(at)}`,
    { year, asOf: dateParameter(asOf), version: figureSqlVersion() },
    { year: INTEGER, asOf: DATE, version: VARCHAR },
  );
  return reader.getRows()[0]![0] === true;
}

/** One school year, in its own transaction; false when it cannot be kept. */
async function buildYear(conn: DuckDBConnection, at: FactsLocation, kept: KeptYear): Promise<boolean> {
  const { year, asOf } = kept;
  await conn.run('BEGIN TRANSACTION');
  try {
    if (await isKept(conn, at, kept)) {
      await conn.run('COMMIT');
      return true;
    }
    const rows = await yearRows(conn, at, kept);
    if (rows === null) {
      await conn.run('ROLLBACK');
      return false;
    }
    const table = yearFiguresTable(at);
    // Rows of older facts or other SQL, and the year read as of another day, are never read again.
    await conn.run(`DELETE FROM ${table} WHERE school_year = $year OR sql_version <> $version OR generation <> ${currentGenerationSql(at)}`, { year, version: figureSqlVersion() }, { year: INTEGER, version: VARCHAR });
    await conn.run(
      `INSERT INTO ${table}
       SELECT ${currentGenerationSql(at)}, $version, $year, $asOf, unnest($groupings), unnest($keys), unnest($municipalities), unnest($jsons)`,
      {
        version: figureSqlVersion(),
        year,
        asOf: dateParameter(asOf),
        groupings: listValue(rows.map((r) => r.grouping)),
        keys: listValue(rows.map((r) => r.key)),
        municipalities: listValue(rows.map((r) => r.municipality)),
        jsons: listValue(rows.map((r) => r.json)),
      },
      { version: VARCHAR, year: INTEGER, asOf: DATE, groupings: LIST(VARCHAR), keys: LIST(VARCHAR), municipalities: LIST(VARCHAR), jsons: LIST(VARCHAR) },
    );
    await conn.run('COMMIT');
    return true;
  } catch (error) {
    await conn.run('ROLLBACK');
    throw error;
  }
}

/**
 * What is kept as of `today`: the running school year read as of today (when the data reach
 * into it), then every ended one read as of its last day, newest first: each read as of
 * defaultAsOf, what the dashboard asks when it names no as-of date.
 */
function yearsToKeep(spanned: readonly number[], today: string): KeptYear[] {
  const running = schoolYearOf(today);
  const ended = spanned.filter((y) => schoolYearPeriod(y, 'year').to < today).reverse();
  const years = [...(spanned.includes(running) ? [running] : []), ...ended];
  return years.map((year) => ({ year, asOf: defaultAsOf(schoolYearPeriod(year, 'year'), today) }));
}

/** Builds what is missing; returns the school years now kept, in the order built. */
export async function buildYearFigures(conn: DuckDBConnection, today: string, options: YearFiguresOptions = {}): Promise<number[]> {
  const at = await ensureFigureFacts(conn);
  if (at === FACTS && (await isReadOnly(conn))) return [];
  await conn.run(yearFiguresDdl(at));
  const kept: number[] = [];
  for (const year of yearsToKeep(await factYears(conn, at, today), today)) {
    if (await options.shouldStop?.()) break;
    if (await buildYear(conn, at, year)) kept.push(year.year);
  }
  return kept;
}
