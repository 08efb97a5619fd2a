/**
 * The figure keys where a computed row differs from the SQL reference: numbers equal to
 * 1e-9 (a mean may sum in another order), null only where the reference is null.
 */
export function figureMismatches(
  scope: string,
  keys: readonly string[],
  actual: Readonly<Record<string, unknown>>,
  expected: Readonly<Record<string, number | null>>,
): string[] {
  const out: string[] = [];
  for (const key of keys) {
    const a = actual[key] as number | null;
    const e = expected[key];
    if (e === undefined) throw new Error(`the reference has no ${key}`);
    const same = a === null || e === null ? a === e : Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e));
    if (!same) out.push(`${scope} ${key}: ${a} ≠ ${e}`);
  }
  return out;
}
