/**
 * The contract's normalisation rule for header names and vocabulary values: trimmed,
 * lower-cased, æ→ae ø→o å→a, for Swedish files ä→a ö→o (and é→e), each run of spaces, `-`
 * and `/` to one `_` (`Åtgärdsnivå` is `atgardsniva`, `Hälso- och sjukvård` `halso_och_sjukvard`).
 * The SQL twin used on data values is `normaliseSql` in etl/load/sqlExpressions.ts.
 */
export function normaliseName(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .replaceAll('ä', 'a')
    .replaceAll('ö', 'o')
    .replaceAll('é', 'e')
    .replace(/[\s/-]+/g, '_');
}
