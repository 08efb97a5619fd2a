/**
 * Tables as CSV for Norwegian Excel: UTF-8 with a byte-order mark (else Excel reads it as
 * Windows-1252), `;` between fields and a decimal comma (Excel's list separator and decimal
 * sign in Norway), CRLF line ends, RFC 4180 quoting. Numbers are written as the server sent
 * them, less float noise: rounded to ten significant digits (csvNumber). Text that Excel would run as a formula (a cell starting with
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

/** Significant digits a fraction keeps: more than any figure's data has, fewer than float noise. */
export const csvSignificantDigits = 10;

/** A decimal without an exponent (`1e-7` → `0.0000001`), as Excel reads it in any locale. */
function plainDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/**
 * A number with a decimal comma and without float noise: whole numbers in full, other
 * numbers rounded to ten significant digits and written in their shortest form
 * (160.60000000000005 → `160,6`, 0.5 → `0,5`, 2/3 → `0,6666666667`). The figures are
 * counts, days and ratios of counts: ten digits keep every digit their data has.
 */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Number.isInteger(value) ? value : Number(value.toPrecision(csvSignificantDigits));
  return plainDecimal(rounded).replace('.', ',');
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
