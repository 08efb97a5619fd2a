/**
 * The suppression plans of every school year one viewer may ask about, as one whole: a
 * function of the data, the viewer and today, never of which year a request asks first.
 *
 * The open cases at the end of a school year are those of the year before plus its first
 * concerns minus its ended cases, in every cell; so the school years individual-part cases
 * begin or end in are planned together (etl/figures/suppressConsecutiveYears.ts; the open
 * cases before the first are none, and count as known). Outside those years:
 * - before them every count of a case is 0, hidden in every cell outside the scope, so the
 *   identity has four hidden terms and each year is planned alone;
 * - after them no case begins or ends: the open cases are those of the last year, and the
 *   flows 0 (hidden, but a reader who knows the year is still to come knows they are 0).
 *   Each such year is planned alone with the open cases hidden wherever the last year hides
 *   them, so the same number is never shown there and hidden in the last year.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { caseSchoolYears, planConsecutiveYears, stockFlows, type FigureBaseKey } from '../../etl/figures/index.ts';
import { planOf, planSchoolYear, schoolYearTable, type SchoolYearPlan, type SchoolYearTable } from './schoolYearPlan.ts';
import type { ViewerAccess } from './viewerAccess.ts';

interface Together {
  readonly plans: ReadonlyMap<number, SchoolYearPlan>;
  readonly last: { readonly year: number; readonly table: SchoolYearTable; readonly hidden: ReadonlyArray<ReadonlySet<FigureBaseKey>> } | null;
}

const stocks = stockFlows.map((f) => f.stock);

export class SchoolYearPlans {
  private together: Promise<Together> | undefined;
  private readonly alone = new Map<number, Promise<SchoolYearPlan>>();

  constructor(
    private readonly access: ViewerAccess,
    private readonly today: string,
    private readonly threshold: number,
  ) {}

  /**
   * The plan of one school year, planned on `conn` the first time it is asked. Kept across
   * requests (planCache.ts), so a planning that failed is forgotten, to be tried again.
   */
  async of(conn: DuckDBConnection, year: number): Promise<SchoolYearPlan> {
    const together = await (this.together ??= this.forgetOnFailure(this.planTogether(conn), () => (this.together = undefined)));
    const plan = together.plans.get(year);
    if (plan) return plan;
    let alone = this.alone.get(year);
    if (!alone) {
      const planning = planSchoolYear(conn, this.access, year, this.today, this.threshold, (table) => this.stocksAfter(together, year, table));
      alone = this.forgetOnFailure(planning, () => this.alone.delete(year));
      this.alone.set(year, alone);
    }
    return alone;
  }

  private forgetOnFailure<T>(planning: Promise<T>, forget: () => void): Promise<T> {
    planning.catch(forget);
    return planning;
  }

  /** For a year after the last one planned together: its stocks hidden where the last year hides them. */
  private stocksAfter(together: Together, year: number, table: SchoolYearTable): Array<Set<FigureBaseKey>> {
    const { last } = together;
    if (last === null || year < last.year) return [];
    const hiddenByKey = new Map(last.table.keys.map((k, i) => [k, last.hidden[i]!]));
    return table.keys.map((key) => new Set(stocks.filter((s) => hiddenByKey.get(key)?.has(s) ?? true)));
  }

  private async planTogether(conn: DuckDBConnection): Promise<Together> {
    const span = await caseSchoolYears(conn);
    if (span === null) return { plans: new Map(), last: null };
    const years: number[] = [];
    for (let y = span.first; y <= span.last; y++) years.push(y);
    const tables: SchoolYearTable[] = [];
    // One connection: one query at a time.
    for (const year of years) tables.push(await schoolYearTable(conn, this.access, year, this.today));
    const hidden = planConsecutiveYears(tables, this.threshold);
    return {
      plans: new Map(years.map((y, i) => [y, planOf(tables[i]!, hidden[i]!)])),
      last: { year: span.last, table: tables.at(-1)!, hidden: hidden.at(-1)! },
    };
  }
}
