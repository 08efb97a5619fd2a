/**
 * Flat, explicitly typed columns for the figure tables: group identity, every key (an object
 * figure such as `deviations_by_agency` as JSON text in Arrow, an object in JSON), each
 * base count as `n_<base>` (the n a figure rests on), and `suppressed`: the columns hidden
 * by small-number suppression (comma-joined in Arrow, a list in JSON), and
 * `suppressed_reason`: null when nothing is hidden, else `small_numbers`,
 * `whole_school_years_only` or `level_slice` (server/auth/README.md).
 */
import { figureBaseKeys, figureKeys, figureObjectKeys } from '../../etl/figures/index.ts';
import type { TableSchema } from './sendTable.ts';

export const identitySchema: TableSchema = { school_id: 'utf8', school_name: 'utf8', municipality: 'utf8' };

export const figureTableSchema: TableSchema = {
  ...identitySchema,
  ...Object.fromEntries(figureKeys.map((k) => [k, 'float64'])),
  ...Object.fromEntries(figureObjectKeys.map((k) => [k, 'utf8'])),
  ...Object.fromEntries(figureBaseKeys.map((k) => [`n_${k}`, 'float64'])),
  suppressed: 'utf8',
  suppressed_reason: 'utf8',
};

/** `{…keys, n: {…}}` → `{…keys, n_<base>: …}`. */
export function flattenFigureRow<R extends { n: Readonly<Record<string, number | null>> }>(row: R): Record<string, unknown> {
  const { n, ...rest } = row;
  return { ...rest, ...Object.fromEntries(Object.entries(n).map(([k, v]) => [`n_${k}`, v])) };
}
