/**
 * The suppression plan of one school year as one viewer may see it: every cell they can be
 * answered about outside their scope, decided together so that no answer, and no sum or
 * difference of answers, gives away a hidden cell.
 *
 * The cells: every municipality's total, the total of all municipalities, and the schools
 * of the viewer's own municipality (a rector's peers). The groups: all municipalities = the
 * sum of the municipality totals; the viewer's municipality = the sum of its schools (for a
 * rector the home table nests inside the national one). Cells the viewer is scoped to (a
 * rector's own school, a municipality user's own municipality and schools) count as known.
 * Level-filtered slices and other periods are never shown outside the scope, so they are
 * not cells here. The school years cases begin and end in are planned together
 * (schoolYearPlans.ts), each from its table here.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { computeFiguresBy, planSuppression, type FigureBaseKey, type FigureBases, type FigureQuery, type SuppressionCell, type YearTable } from '../../etl/figures/index.ts';
import { figureBaseKeys } from '../../etl/figures/figureKeys.ts';
import { isScoped, type ViewerAccess } from './viewerAccess.ts';
import { defaultAsOf, schoolYearPeriod } from './wholeSchoolYears.ts';

export type Hidden = ReadonlySet<FigureBaseKey>;

export interface SchoolYearPlan {
  readonly schools: ReadonlyMap<string, Hidden>;
  readonly municipalities: ReadonlyMap<string, Hidden>;
  readonly national: Hidden;
}

function sumOf(rows: ReadonlyArray<{ readonly n: FigureBases }>): FigureBases {
  // Every unit counts cases, and a case belongs to one school: counts add up over groups.
  return Object.fromEntries(figureBaseKeys.map((k) => [k, rows.reduce((sum, r) => sum + r.n[k], 0)])) as FigureBases;
}

/** One school year's table for one viewer, with the names of its cells. */
export interface SchoolYearTable extends YearTable {
  readonly municipalities: readonly string[];
  readonly schools: readonly string[];
}

export async function schoolYearTable(conn: DuckDBConnection, access: ViewerAccess, year: number, today: string): Promise<SchoolYearTable> {
  const period = schoolYearPeriod(year);
  const q: FigureQuery = { ...period, asOf: defaultAsOf(period.to, today), allowedSchools: null };
  const municipalities = await computeFiguresBy(conn, q, 'municipality');
  const idsOf = (municipality: string) => access.directory.filter((s) => s.municipality === municipality).map((s) => s.school_id);
  // A municipality or PPT user knows every school of their own: no cells to plan there.
  const peers = access.home !== null && !isScoped(access, idsOf(access.home));
  const homeSchools = peers ? await computeFiguresBy(conn, { ...q, municipality: access.home! }, 'school') : [];

  const cells: SuppressionCell[] = [
    ...municipalities.map((m) => ({ n: m.n, scoped: isScoped(access, idsOf(m.municipality)) })),
    { n: sumOf(municipalities), scoped: access.isAdmin },
    ...homeSchools.map((s) => ({ n: s.n, scoped: access.scoped.has(s.school_id) })),
  ];
  const national = municipalities.length;
  const home = municipalities.findIndex((m) => m.municipality === access.home);
  const groups = [{ total: national, members: municipalities.map((_, i) => i) }];
  if (home >= 0) groups.push({ total: home, members: homeSchools.map((_, i) => national + 1 + i) });
  return {
    cells,
    groups,
    keys: [...municipalities.map((m) => `municipality:${m.municipality}`), 'national', ...homeSchools.map((s) => `school:${s.school_id}`)],
    municipalities: municipalities.map((m) => m.municipality),
    schools: homeSchools.map((s) => s.school_id),
  };
}

/** The plan of a table, given what each of its cells hides. */
export function planOf(table: SchoolYearTable, hidden: ReadonlyArray<Set<FigureBaseKey>>): SchoolYearPlan {
  const national = table.municipalities.length;
  return {
    municipalities: new Map(table.municipalities.map((m, i) => [m, hidden[i]!])),
    national: hidden[national]!,
    schools: new Map(table.schools.map((s, i) => [s, hidden[national + 1 + i]!])),
  };
}

/** The plan of one school year planned alone, with `forced` units hidden in some cells beforehand. */
export async function planSchoolYear(
  conn: DuckDBConnection,
  access: ViewerAccess,
  year: number,
  today: string,
  threshold: number,
  forced: (table: SchoolYearTable) => ReadonlyArray<ReadonlySet<FigureBaseKey>> = () => [],
): Promise<SchoolYearPlan> {
  const table = await schoolYearTable(conn, access, year, today);
  return planOf(table, planSuppression(table.cells, table.groups, threshold, forced(table)));
}
