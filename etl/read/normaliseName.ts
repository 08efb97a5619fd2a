/**
 * The contract's normalisation rule for header names and vocabulary values: trimmed,
 * lower-cased, æ→ae ø→o å→a, each run of spaces, `-` and `/` to one `_`.
 * The SQL twin used on data values is `normaliseSql` in etl/load/sqlExpressions.ts.
 */
export function normaliseName(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .replace(/[\s/-]+/g, '_');
}
