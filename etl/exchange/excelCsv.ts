/**
 * CSV for Norwegian Excel, for files the office edits and drops again (the templates, the
 * rejected rows): UTF-8 with a byte-order mark, `;` between fields, CRLF, RFC 4180 quoting.
 * Unlike the dashboard's table export (dashboard/export/csv.ts) values are written exactly as
 * they are, never prefixed with `'` against formulas: the file goes back to the importer,
 * and `-3` must stay `-3` (the user's own data, which they already hold as it is).
 */
const byteOrderMark = '\uFEFF';

export function excelCsvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The whole file's text, byte-order mark first, every line ended by CRLF. */
export function excelCsv(rows: ReadonlyArray<readonly string[]>): string {
  return byteOrderMark + rows.map((row) => row.map(excelCsvField).join(';') + '\r\n').join('');
}
