/**
 * One function per endpoint the dashboard reads. Tables and series come as JSON rows
 * (api/tableRows.ts says why not Arrow); the single-object /api/figures answer is flattened
 * to the same row shape as the tables' rows.
 */
import type { DurationRow, FigureParams, FigureRow, Meta, MonthlyRow, SurvivalRow } from './types.ts';
import { getTableRows, getJson, type QueryParams } from './http.ts';
import { schoolsFromColumns, type ColumnMeta } from './schoolsFromColumns.ts';

export type Breakdown = 'school' | 'municipality';

function query(p: FigureParams, by?: Breakdown): QueryParams {
  return { from: p.from, to: p.to, asOf: p.asOf, school: p.school, municipality: p.municipality, level: p.level, by };
}

/** The URL index.html preloads: asked for exactly so, or the browser fetches it twice. */
export const metaUrl = '/api/meta?form=columns';

export async function getMeta(): Promise<Meta> {
  return schoolsFromColumns(await getJson<ColumnMeta>(metaUrl));
}

type FigureObject = Omit<FigureRow, `n_${string}`> & { readonly n?: Readonly<Record<string, number>> };

/** `{…keys, n: {base: count}}` → `{…keys, n_base: count}`. */
export function flattenFigures(object: FigureObject): FigureRow {
  const { n, ...rest } = object;
  const bases = Object.fromEntries(Object.entries(n ?? {}).map(([k, v]) => [`n_${k}`, v]));
  return { ...rest, ...bases } as FigureRow;
}

/** Every key figure for the whole scope of `p`. */
export async function getFigures(p: FigureParams): Promise<FigureRow> {
  return flattenFigures(await getJson<FigureObject>('/api/figures', query(p)));
}

/**
 * Every key figure for all municipalities together (every school), whatever the viewer's
 * scope: the comparison's "all municipalities" row (suppressed for non-admins like any
 * figure outside their scope).
 */
export async function getFiguresOfAll(p: FigureParams): Promise<FigureRow> {
  return flattenFigures(await getJson<FigureObject>('/api/figures', { ...query(p), total: 'all' }));
}

/** Every key figure per school or per municipality in scope, sorted by name. */
export function getFiguresBy(p: FigureParams, by: Breakdown): Promise<FigureRow[]> {
  return getTableRows<FigureRow>('/api/figures', query(p, by));
}

export function getMonthly(p: FigureParams, by?: Breakdown): Promise<MonthlyRow[]> {
  return getTableRows<MonthlyRow>('/api/series/monthly', query(p, by));
}

export function getDurations(p: FigureParams, by?: Breakdown): Promise<DurationRow[]> {
  return getTableRows<DurationRow>('/api/series/durations', query(p, by));
}

export function getSurvival(p: FigureParams, by?: Breakdown): Promise<SurvivalRow[]> {
  return getTableRows<SurvivalRow>('/api/series/survival', query(p, by));
}
