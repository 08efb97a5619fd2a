/**
 * Positions for labels at the ends of lines: each as close to its line as it can be, but at
 * least `gap` from its neighbours, so labels of lines ending close together do not overlap.
 */
export function spreadLabels(values: readonly number[], gap: number): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const placed = order.map((o) => o.v);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  // Centre the block of pushed labels on the values they stand for.
  const shift = (placed.reduce((s, p, k) => s + p - order[k]!.v, 0) / Math.max(1, placed.length)) * 0.5;
  const result = new Array<number>(values.length);
  order.forEach((o, k) => (result[o.i] = placed[k]! - shift));
  return result;
}
