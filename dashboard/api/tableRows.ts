/**
 * A table answer's JSON rows in the shape the views have always read (the shape Arrow IPC gave
 * them, server/http/sendTable.ts): a list (`suppressed`) as comma-joined text, an empty one
 * null; an object (`deviations_by_agency`) as JSON text; every other value as it came.
 *
 * Tables travel as JSON, not Arrow, because a page decodes each answer once, cold: for the
 * overview's five tables (151 rows) Chromium took 36–130 ms to decode the Arrow streams and
 * under 1 ms to parse the same rows as JSON, besides evaluating Arrow's 178 kB of code, all on
 * the first chart's path. Compressed, the two are about the same size.
 */
export function tableRows<T>(rows: readonly Readonly<Record<string, unknown>>[]): T[] {
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) out[key] = cellValue(value);
    return out as T;
  });
}

function cellValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? value.join(',') : null;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}
