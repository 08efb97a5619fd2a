/**
 * Turns the rejections recorded in SQL (by DuckDB row or CSV record) into the report's
 * {file, line, column, reason}, with physical line numbers and the column as the file names it.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { lineLocator } from '../read/lineLocator.ts';
import type { KindName } from '../contract/types.ts';
import { columnLetter } from '../read/xlsx/sheetRows.ts';
import type { Rejection } from './importReport.ts';
import type { PreparedFile } from './prepareFile.ts';

/** A rejection with what the quarantine keeps besides: the row's key as a pseudonym and its known school. */
export interface CollectedRejection extends Rejection {
  readonly rowKey: string | null;
  readonly schoolId: string | null;
  readonly kind: KindName;
}

export async function collectRejections(
  conn: DuckDBConnection,
  prepared: readonly PreparedFile[],
  readText: (file: PreparedFile) => string,
): Promise<CollectedRejection[]> {
  const result = await conn.runAndReadAll(
    `SELECT r.file_index, r.row_id, r.record_line, r.pos, r.col, r.reason, k.row_key, k.school_id
     FROM rt_rejections r LEFT JOIN rt_row_keys k ON k.file_index = r.file_index AND k.row_id = r.row_id
     ORDER BY r.file_index, r.row_id, r.record_line, r.pos`,
  );
  const rows = result.getRowObjects() as Array<{
    file_index: number;
    row_id: bigint | null;
    record_line: bigint | null;
    pos: number | null;
    col: string | null;
    reason: string;
    row_key: string | null;
    school_id: string | null;
  }>;
  const rejections: CollectedRejection[] = [];
  for (const [index, file] of prepared.entries()) {
    const own = rows.filter((r) => r.file_index === index);
    if (own.length === 0) continue;
    const csvLines = new Set(own.filter((r) => r.record_line !== null).map((r) => Number(r.record_line)));
    const locate = lineLocator(readText(file), csvLines, file.delimiter);
    for (const r of own) {
      const line = r.record_line !== null ? locate.lineOfRecord(Number(r.record_line)) : locate.lineOfRow(Number(r.row_id));
      const header = r.pos !== null ? file.mapping.headerNames[r.pos]?.trim() : undefined;
      // A quote not closed on its own line makes the lines up to the next quote one record:
      // say so, or the lines in between would be lost without a word.
      const last = r.record_line !== null ? locate.lastLineOfRecord(Number(r.record_line)) : line;
      const reason = last > line ? `${r.reason} (linje ${line}–${last} ble lest som én rad fordi et anførselstegn ikke er lukket på linjen)` : r.reason;
      const common = { file: file.file, reason, rowKey: r.row_key, schoolId: r.school_id, kind: file.mapping.spec.kind };
      if (!file.sheet) rejections.push({ ...common, line, column: header ?? r.col });
      else rejections.push({ ...common, sheet: file.sheet.name, line: file.sheet.rowOfLine[line - 1] ?? line, column: sheetColumn(file, r.pos, r.col) });
    }
  }
  return rejections.sort((a, b) => (a.file === b.file && a.sheet === b.sheet ? a.line - b.line : 0));
}

/** A sheet's column as the user finds it in Excel: its letter and its header (`C (dato)`). */
function sheetColumn(file: PreparedFile, pos: number | null, col: string | null): string | null {
  const at = pos ?? (col !== null ? file.mapping.positions.get(col) : undefined) ?? null;
  if (at === null) return col;
  const header = file.mapping.headerNames[at]?.trim();
  return header ? `${columnLetter(at)} (${header})` : columnLetter(at);
}
