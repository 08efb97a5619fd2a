/**
 * Turns the rejections recorded in SQL (by DuckDB row or CSV record) into the report's
 * {file, line, column, reason}, with physical line numbers and the column as the file names it.
 *
 * Memory stays bounded however many rows a file has rejected (455,899 rows naming an unknown
 * school made the import peak at 1.47 GB when every rejection was held as objects three
 * times over): the rejections are read a page at a time and handed to `onPage` (the batch
 * writes them to the quarantine table, which keeps them all), and only the first
 * `keepPerFile` of each file, by line, stay for the report; for the rest the report gets a
 * count per reason (`omitted`).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { lineLocator } from '../read/lineLocator.ts';
import type { KindName } from '../contract/types.ts';
import { columnLetter } from '../read/xlsx/sheetRows.ts';
import type { Rejection, RejectionsOmitted } from './importReport.ts';
import type { PreparedFile } from './prepareFile.ts';

/** A rejection with what the quarantine keeps besides: the row's key as a pseudonym and its known school. */
export interface CollectedRejection extends Rejection {
  readonly rowKey: string | null;
  readonly schoolId: string | null;
  readonly kind: KindName;
}

/** Rejections of one file the report lists at most; the quarantine keeps every one. */
export const maxReportedRejectionsPerFile = 10_000;

/** Rejections read from DuckDB at a time. */
const pageSize = 20_000;

export interface CollectedRejections {
  /** Up to `keepPerFile` a file, in file and line order. */
  readonly kept: CollectedRejection[];
  readonly omitted: RejectionsOmitted[];
}

type RejectionRow = {
  row_id: bigint | null;
  record_line: bigint | null;
  pos: number | null;
  col: string | null;
  reason: string;
  row_key: string | null;
  school_id: string | null;
};

const byLine = (a: Rejection, b: Rejection) => a.line - b.line;

export async function collectRejections(
  conn: DuckDBConnection,
  prepared: readonly PreparedFile[],
  readText: (file: PreparedFile) => string,
  options: { keepPerFile?: number; onPage?: (page: readonly CollectedRejection[]) => Promise<void> } = {},
): Promise<CollectedRejections> {
  const keep = options.keepPerFile ?? maxReportedRejectionsPerFile;
  const kept: CollectedRejection[] = [];
  const omitted: RejectionsOmitted[] = [];
  for (const [index, file] of prepared.entries()) {
    const total = Number((await conn.runAndReadAll(`SELECT count(*) FROM rt_rejections WHERE file_index = ${index}`)).getRows()[0]![0]);
    if (total === 0) continue;
    const recordLines = await conn.runAndReadAll(`SELECT DISTINCT record_line FROM rt_rejections WHERE file_index = ${index} AND record_line IS NOT NULL`);
    const csvLines = new Set(recordLines.getRows().map((r) => Number(r[0])));
    const locate = lineLocator(readText(file), csvLines, file.delimiter);
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE rt_rejections_page AS
       SELECT row_number() OVER (ORDER BY r.row_id, r.record_line, r.pos) AS n, r.row_id, r.record_line, r.pos, r.col, r.reason, k.row_key, k.school_id
       FROM rt_rejections r LEFT JOIN rt_row_keys k ON k.file_index = r.file_index AND k.row_id = r.row_id
       WHERE r.file_index = ${index}`,
    );
    let own: CollectedRejection[] = [];
    for (let from = 1; from <= total; from += pageSize) {
      const result = await conn.runAndReadAll(`SELECT * EXCLUDE (n) FROM rt_rejections_page WHERE n >= ${from} AND n < ${from + pageSize} ORDER BY n`);
      const page = (result.getRowObjects() as RejectionRow[]).map((r): CollectedRejection => {
        const line = r.record_line !== null ? locate.lineOfRecord(Number(r.record_line)) : locate.lineOfRow(Number(r.row_id));
        const header = r.pos !== null ? file.mapping.headerNames[r.pos]?.trim() : undefined;
        // A quote not closed on its own line makes the lines up to the next quote one record:
        // say so, or the lines in between would be lost without a word.
        const last = r.record_line !== null ? locate.lastLineOfRecord(Number(r.record_line)) : line;
        const reason = last > line ? `${r.reason} (linje ${line}–${last} ble lest som én rad fordi et anførselstegn ikke er lukket på linjen)` : r.reason;
        const common = { file: file.file, reason, rowKey: r.row_key, schoolId: r.school_id, kind: file.mapping.spec.kind };
        if (!file.sheet) return { ...common, line, column: header ?? r.col };
        return { ...common, sheet: file.sheet.name, line: file.sheet.rowOfLine[line - 1] ?? line, column: sheetColumn(file, r.pos, r.col) };
      });
      await options.onPage?.(page);
      own.push(...page);
      // The `keep` first lines: trimmed now and then, so at most twice that is ever held.
      if (own.length > 2 * keep) own = own.sort(byLine).slice(0, keep);
    }
    kept.push(...own.sort(byLine).slice(0, keep));
    if (total > keep) {
      const reasons = await conn.runAndReadAll(`SELECT reason, count(*)::INTEGER FROM rt_rejections WHERE file_index = ${index} GROUP BY reason ORDER BY count(*) DESC, reason`);
      omitted.push({ file: file.file, count: total - keep, by_reason: Object.fromEntries(reasons.getRows().map((r) => [String(r[0]), Number(r[1])])) });
    }
  }
  await conn.run('DROP TABLE IF EXISTS rt_rejections_page');
  return { kept, omitted };
}

/** A sheet's column as the user finds it in Excel: its letter and its header (`C (dato)`). */
function sheetColumn(file: PreparedFile, pos: number | null, col: string | null): string | null {
  const at = pos ?? (col !== null ? file.mapping.positions.get(col) : undefined) ?? null;
  if (at === null) return col;
  const header = file.mapping.headerNames[at]?.trim();
  return header ? `${columnLetter(at)} (${header})` : columnLetter(at);
}
