/**
 * Turns the rejections recorded in SQL (by DuckDB row or CSV record) into the report's
 * {file, line, column, reason}, with physical line numbers and the column as the file names it.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { lineLocator } from '../read/lineLocator.ts';
import type { Rejection } from './importReport.ts';
import type { PreparedFile } from './prepareFile.ts';

export async function collectRejections(
  conn: DuckDBConnection,
  prepared: readonly PreparedFile[],
  readText: (file: PreparedFile) => string,
): Promise<Rejection[]> {
  const result = await conn.runAndReadAll(
    `SELECT file_index, row_id, record_line, pos, col, reason FROM rt_rejections ORDER BY file_index, row_id, record_line, pos`,
  );
  const rows = result.getRowObjects() as Array<{
    file_index: number;
    row_id: bigint | null;
    record_line: bigint | null;
    pos: number | null;
    col: string | null;
    reason: string;
  }>;
  const rejections: Rejection[] = [];
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
      rejections.push({ file: file.file, line, column: header ?? r.col, reason });
    }
  }
  return rejections.sort((a, b) => (a.file === b.file ? a.line - b.line : 0));
}
