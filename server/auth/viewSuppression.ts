/**
 * Maps every view the figure endpoints answer onto the suppression rules of
 * etl/figures/suppressFigures.ts. A row is judged by the set of schools it aggregates:
 * - all of them scoped to the viewer: shown in full, for any period and as-of date;
 * - otherwise it must be one *cell* of the viewer's table (schoolYearPlan.ts): a peer school
 *   of a rector's municipality, a municipality's total, or the total of all municipalities.
 *   Any other aggregate (a level-filtered slice not in scope) would give the rest away by
 *   difference against the total: every case-based figure hidden (`level_slice`);
 * - a cell is answered only for whole school years at the default as-of date
 *   (wholeSchoolYears.ts); other periods hide every case-based figure
 *   (`whole_school_years_only`);
 * - for whole school years, a unit is hidden when the plan of any school year in the period
 *   hides it in that cell (`small_numbers`): a visible answer over several years is then
 *   the sum of visible one-year answers and tells nothing new. The plans of the school
 *   years cases begin and end in are made together (schoolYearPlans.ts), so the open cases
 *   and their flows of consecutive years never show three terms of four.
 * Series (months, durations, survival curves) show case-based data only for scoped groups
 * (`whole_school_years_only`: outside the scope only key figures of whole school years are
 * answered).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { allUnits, suppressRow, type FigureBaseKey, type FigureQuery, type FigureRow, type ShownFigureRow } from '../../etl/figures/index.ts';
import { compareGroups } from '../../etl/figures/groupOrder.ts';
import type { SuppressedReason } from '../../etl/figures/suppressFigures.ts';
import type { Hidden, SchoolYearPlan } from './schoolYearPlan.ts';
import type { SchoolYearPlans } from './schoolYearPlans.ts';
import { isScoped, type DirectorySchool, type ViewerAccess } from './viewerAccess.ts';
import { wholeSchoolYears } from './wholeSchoolYears.ts';

/** The group identity a row carries (none for a scope total). */
export interface RowIdentity {
  readonly school_id?: string;
  readonly school_name?: string;
  readonly municipality?: string;
}

export interface Decision {
  readonly hidden: Hidden;
  readonly reason: SuppressedReason;
}

const nothing: Decision = { hidden: new Set(), reason: 'small_numbers' };

type Cell = { readonly school: string } | { readonly municipality: string } | 'national';

export type Grouping = 'all' | 'school' | 'municipality';

export class ViewSuppression {
  private readonly plans: SchoolYearPlans;
  private readonly allowed: ReadonlySet<string> | null;
  private readonly years: number[] | null;

  /** `plans`: the viewer's school-year plans, made for `access` and `today` (kept across requests by planCache.ts). */
  constructor(
    private readonly conn: DuckDBConnection,
    readonly access: ViewerAccess,
    private readonly q: FigureQuery,
    plans: SchoolYearPlans,
    today: string,
  ) {
    this.allowed = q.allowedSchools ? new Set(q.allowedSchools) : null;
    this.years = wholeSchoolYears(q, today);
    this.plans = plans;
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

  /** The cell of the viewer's table these schools make up, or null for any other aggregate. */
  private cellOf(schools: readonly DirectorySchool[]): Cell | null {
    const { access } = this;
    const only = schools.length === 1 ? schools[0]! : null;
    if (only && access.home !== null && only.municipality === access.home) return { school: only.school_id };
    const municipality = schools[0]?.municipality;
    const everyOf = (m: string) => access.directory.filter((s) => s.municipality === m).length;
    if (municipality !== undefined && schools.every((s) => s.municipality === municipality) && schools.length === everyOf(municipality)) {
      return { municipality };
    }
    if (schools.length > 0 && schools.length === access.directory.length) return 'national';
    return null;
  }

  /** What a key-figure row with this identity hides, and why. */
  async decide(identity: RowIdentity): Promise<Decision> {
    const schools = this.schoolsOf(identity);
    if (isScoped(this.access, schools.map((s) => s.school_id))) return nothing;
    const cell = this.cellOf(schools);
    if (cell === null) return { hidden: allUnits, reason: 'level_slice' };
    if (this.years === null) return { hidden: allUnits, reason: 'whole_school_years_only' };
    const hidden = new Set<FigureBaseKey>();
    for (const year of this.years) for (const unit of hiddenIn(await this.plan(year), cell)) hidden.add(unit);
    return { hidden, reason: 'small_numbers' };
  }

  async figureRows<R extends FigureRow & RowIdentity>(rows: readonly R[]): Promise<Array<ShownFigureRow<R>>> {
    const shown: Array<ShownFigureRow<R>> = [];
    for (const row of rows) {
      const { hidden, reason } = await this.decide(row);
      shown.push(suppressRow(row, hidden, reason));
    }
    return shown;
  }

  /** Why a series group outside the scope is hidden. */
  private seriesReason(identity: RowIdentity): SuppressedReason {
    return this.cellOf(this.schoolsOf(identity)) === null ? 'level_slice' : 'whole_school_years_only';
  }

  /** Monthly rows: a group not in scope shows none of its case-based figures. */
  monthlyRows<R extends FigureRow & RowIdentity>(rows: readonly R[]): Array<ShownFigureRow<R>> {
    return rows.map((row) => (this.isScopedRow(row) ? suppressRow(row, nothing.hidden) : suppressRow(row, allUnits, this.seriesReason(row))));
  }

  /**
   * Distribution and curve rows: a group not in scope is one row with its identity, every
   * value column null and listed in `suppressed`, and `suppressed_reason`.
   */
  seriesRows<R extends RowIdentity>(rows: readonly R[], grouping: Grouping, valueColumns: readonly string[]): Array<Record<string, unknown>> {
    const out: Array<Record<string, unknown>> = [];
    const keyOf = (g: RowIdentity) => (grouping === 'school' ? (g.school_id ?? '') : grouping === 'municipality' ? (g.municipality ?? '') : '');
    const hiddenGroups = new Map<string, RowIdentity>();
    for (const group of this.groups(grouping)) if (!this.isScopedRow(group)) hiddenGroups.set(keyOf(group), group);
    for (const row of rows) if (!hiddenGroups.has(keyOf(row))) out.push({ ...(row as Record<string, unknown>), suppressed: [], suppressed_reason: null });
    for (const group of hiddenGroups.values()) {
      const nulls = Object.fromEntries(valueColumns.map((c) => [c, null]));
      out.push({ ...group, ...nulls, suppressed: [...valueColumns], suppressed_reason: this.seriesReason(group) });
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

  private plan(year: number): Promise<SchoolYearPlan> {
    return this.plans.of(this.conn, year);
  }
}

/** A cell the plan does not know (a school of another municipality) hides everything. */
function hiddenIn(plan: SchoolYearPlan, cell: Cell): Hidden {
  if (cell === 'national') return plan.national;
  if ('school' in cell) return plan.schools.get(cell.school) ?? allUnits;
  return plan.municipalities.get(cell.municipality) ?? allUnits;
}
