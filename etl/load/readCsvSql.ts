/** The read_csv call that loads one decoded file into a raw all-text temp table. */
import type { Delimiter } from '../read/sniffHeader.ts';
import { sqlString } from './sqlExpressions.ts';

export function readCsvSql(opts: { table: string; path: string; delimiter: Delimiter; columns: number; rejects: string; skip: number }): string {
  const columns = Array.from({ length: opts.columns }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  // strict_mode rejects rows with too many or too few fields into the rejects table instead
  // of failing the file; auto_detect=false so DuckDB never second-guesses our dialect.
  // buffer_size: DuckDB's default is 16 × max_line_size, 64 MB here, and a file is read in
  // parallel a buffer at a time: the national discussions (114 MB) were two buffers, read
  // on 1.5 of 2 cores. 8 MB (still twice the longest line) read them in 0.19 instead of
  // 0.45 s and the cases in 0.82 instead of 1.0 s (three runs each).
  return `CREATE TEMP TABLE ${opts.table} AS SELECT * FROM read_csv(${sqlString(opts.path)},
    delim = ${sqlString(opts.delimiter)}, quote = '"', escape = '"', header = false, skip = ${opts.skip},
    columns = {${columns}}, auto_detect = false, strict_mode = true, all_varchar = true,
    store_rejects = true, rejects_table = ${sqlString(opts.rejects)}, rejects_scan = ${sqlString(opts.rejects + '_scan')},
    max_line_size = 4000000, buffer_size = 8000000)`;
}
