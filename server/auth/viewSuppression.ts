/**
 * Maps every view the figure endpoints answer onto the suppression rules of
 * etl/figures/suppressFigures.ts. A row is judged by the set of schools it aggregates:
 * - all of them scoped to the viewer: shown in full;
 * - one peer school of a rector's municipality, or that municipality's total: decided on the
 *   whole table of the municipality (its schools and its total, primary and secondary
 *   suppression), so the by-school rows, the school pages and the municipality total agree
 *   and never add up to a hidden cell;
 * - the total of any other municipality: primary suppression (non-admins see no schools
 *   there, and no total above municipalities, so nothing to recompute it from);
 * - any other aggregate (a level-filtered slice of a municipality not in scope): every
 *   case-based figure hidden, since slice and total would give away the rest by difference.
 * Series (months, durations, survival curves) show case-based data only for scoped groups:
 * a school's month rarely has enough cases, and months, periods and groups form tables that
 * could be differenced in too many ways.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  allUnits,
  computeFigures,
  computeFiguresBy,
  planSuppression,
  primarySuppression,
  suppressRow,
  type FigureBaseKey,
  type FigureQuery,
  type FigureRow,
  type ShownFigureRow,
} from '../../etl/figures/index.ts';
import { compareGroups } from '../../etl/figures/groupOrder.ts';
import { isScoped, type DirectorySchool, type ViewerAccess } from './viewerAccess.ts';

/** The group identity a row carries (none for a scope total). */
export interface RowIdentity {
  readonly school_id?: string;
  readonly school_name?: string;
  readonly municipality?: string;
}

type Hidden = ReadonlySet<FigureBaseKey>;
const nothing: Hidden = new Set();

interface MunicipalityTable {
  readonly schools: ReadonlyMap<string, Hidden>;
  readonly total: Hidden;
}

export type Grouping = 'all' | 'school' | 'municipality';

export class ViewSuppression {
  private homeTable: Promise<MunicipalityTable> | null = null;
  private readonly allowed: ReadonlySet<string> | null;

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly access: ViewerAccess,
    private readonly q: FigureQuery,
    private readonly threshold: number,
  ) {
    this.allowed = q.allowedSchools ? new Set(q.allowedSchools) : null;
  }

  /** The schools a row of this query aggregates (the same filters as the figure SQL's scope). */
  schoolsOf(identity: RowIdentity): DirectorySchool[] {
    const { q } = this;
    return this.access.directory.filter(
      (s) =>
        (this.allowed === null || this.allowed.has(s.school_id)) &&
        (q.school === undefined || s.school_id === q.school) &&
        (q.municipality === undefined || s.municipality === q.municipality) &&
        (q.level === undefined || s.level === q.level) &&
        (identity.school_id === undefined || s.school_id === identity.school_id) &&
        (identity.municipality === undefined || s.municipality === identity.municipality),
    );
  }

  isScopedRow(identity: RowIdentity): boolean {
    return isScoped(this.access, this.schoolsOf(identity).map((s) => s.school_id));
  }

  /** The units a figure row with this identity and these n's hides. */
  async hiddenUnits(identity: RowIdentity, n: FigureRow['n']): Promise<Hidden> {
    const schools = this.schoolsOf(identity);
    if (isScoped(this.access, schools.map((s) => s.school_id))) return nothing;
    const { home, viewer } = this.access;
    const rectorsHome = (municipality: string) => viewer.role === 'rector' && municipality === home;
    const only = schools.length === 1 ? schools[0]! : null;
    if (only && rectorsHome(only.municipality)) return (await this.home()).schools.get(only.school_id) ?? allUnits;
    const municipality = schools[0]?.municipality;
    const wholeMunicipality =
      municipality !== undefined &&
      schools.every((s) => s.municipality === municipality) &&
      schools.length === this.access.directory.filter((s) => s.municipality === municipality).length;
    if (!wholeMunicipality) return allUnits;
    if (rectorsHome(municipality)) return (await this.home()).total;
    return primarySuppression({ n, scoped: false }, this.threshold);
  }

  async figureRows<R extends FigureRow & RowIdentity>(rows: readonly R[]): Promise<Array<ShownFigureRow<R>>> {
    const shown: Array<ShownFigureRow<R>> = [];
    for (const row of rows) shown.push(suppressRow(row, await this.hiddenUnits(row, row.n)));
    return shown;
  }

  /** Monthly rows: a group not in scope shows none of its case-based figures. */
  monthlyRows<R extends FigureRow & RowIdentity>(rows: readonly R[]): Array<ShownFigureRow<R>> {
    return rows.map((row) => suppressRow(row, this.isScopedRow(row) ? nothing : allUnits));
  }

  /**
   * Distribution and curve rows: a group not in scope is one row with its identity, every
   * value column null and listed in `suppressed`.
   */
  seriesRows<R extends RowIdentity>(rows: readonly R[], grouping: Grouping, valueColumns: readonly string[]): Array<Record<string, unknown>> {
    const out: Array<Record<string, unknown>> = [];
    const keyOf = (g: RowIdentity) => (grouping === 'school' ? (g.school_id ?? '') : grouping === 'municipality' ? (g.municipality ?? '') : '');
    const hiddenGroups = new Map<string, RowIdentity>();
    for (const group of this.groups(grouping)) if (!this.isScopedRow(group)) hiddenGroups.set(keyOf(group), group);
    for (const row of rows) if (!hiddenGroups.has(keyOf(row))) out.push({ ...(row as Record<string, unknown>), suppressed: [] });
    for (const group of hiddenGroups.values()) {
      out.push({ ...group, ...Object.fromEntries(valueColumns.map((c) => [c, null])), suppressed: [...valueColumns] });
    }
    // Stable: each group's own rows keep their order.
    return grouping === 'all' ? out : out.sort((a, b) => compareGroups(a as RowIdentity, b as RowIdentity));
  }

  /** The groups a grouped query reports, with their identity. */
  private groups(grouping: Grouping): RowIdentity[] {
    const schools = this.schoolsOf({});
    if (grouping === 'all') return schools.length ? [{}] : [];
    if (grouping === 'school') return schools.map((s) => ({ school_id: s.school_id, school_name: s.school_name, municipality: s.municipality }));
    return [...new Set(schools.map((s) => s.municipality))].map((municipality) => ({ municipality }));
  }

  /** The rector's municipality as one table: its schools and its total, suppressed together. */
  private home(): Promise<MunicipalityTable> {
    this.homeTable ??= (async () => {
      const q: FigureQuery = { from: this.q.from, to: this.q.to, asOf: this.q.asOf, municipality: this.access.home ?? '', allowedSchools: null };
      const schools = await computeFiguresBy(this.conn, q, 'school');
      const total = await computeFigures(this.conn, q);
      const cells = [...schools.map((s) => ({ n: s.n, scoped: this.access.scoped.has(s.school_id) })), { n: total.n, scoped: false }];
      const hidden = planSuppression(cells, [{ total: schools.length, members: schools.map((_, i) => i) }], this.threshold);
      return { schools: new Map(schools.map((s, i) => [s.school_id, hidden[i]!])), total: hidden[schools.length]! };
    })();
    return this.homeTable;
  }
}
