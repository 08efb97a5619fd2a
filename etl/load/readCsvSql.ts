/** The read_csv call that loads one decoded file into a raw all-text temp table. */
import type { Delimiter } from '../read/sniffHeader.ts';
import { sqlString } from './sqlExpressions.ts';

export function readCsvSql(opts: { table: string; path: string; delimiter: Delimiter; columns: number; rejects: string; skip: number }): string {
  const columns = Array.from({ length: opts.columns }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  // strict_mode rejects rows with too many or too few fields into the rejects table instead
  // of failing the file; auto_detect=false so DuckDB never second-guesses our dialect.
  return `CREATE TEMP TABLE ${opts.table} AS SELECT * FROM read_csv(${sqlString(opts.path)},
    delim = ${sqlString(opts.delimiter)}, quote = '"', escape = '"', header = false, skip = ${opts.skip},
    columns = {${columns}}, auto_detect = false, strict_mode = true, all_varchar = true,
    store_rejects = true, rejects_table = ${sqlString(opts.rejects)}, rejects_scan = ${sqlString(opts.rejects + '_scan')},
    max_line_size = 4000000)`;
}
