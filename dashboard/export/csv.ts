/**
 * Tables as CSV for Norwegian Excel: UTF-8 with a byte-order mark (else Excel reads it as
 * Windows-1252), `;` between fields and a decimal comma (Excel's list separator and decimal
 * sign in Norway), CRLF line ends, RFC 4180 quoting. Numbers are written exactly as the
 * server sent them, unrounded. Text that Excel would run as a formula (a cell starting with
 * `=`, `+`, `-`, `@`, TAB or CR) is prefixed with `'`, so it is shown as text instead.
 */

export type CsvValue = string | number | null | undefined;

export interface CsvColumn<R> {
  readonly header: string;
  readonly value: (row: R) => CsvValue;
}

const byteOrderMark = '\uFEFF';
const separator = ';';
const formulaStart = /^[=+\-@\t\r]/;

/** `'=1+2` for `=1+2`; other text unchanged. */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** The shortest exact decimal form of a number, with a decimal comma: 0.5 → `0,5`. */
export function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(value).replace('.', ',') : '';
}

/** One field: numbers exact, text neutralised and quoted when it holds `;`, `"` or a line break. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return csvNumber(value);
  const text = neutraliseFormula(value);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file's text, byte-order mark first. */
export function toCsv<R>(rows: readonly R[], columns: readonly CsvColumn<R>[]): string {
  const lines = [columns.map((c) => csvField(c.header)), ...rows.map((row) => columns.map((c) => csvField(c.value(row))))];
  return byteOrderMark + lines.map((fields) => fields.join(separator)).join('\r\n') + '\r\n';
}
